using System;
using Xunit;

namespace Cloexec.Tests.Peers;

/// <summary>
/// CPython's Lib/test/test_socket.py, class InheritanceTest, one test per case, named after it, on sockets made by
/// generated socket/socketpair/dup wrappers, atomic and with the fallback forced. CPython's socket() takes
/// AF_INET by default; so do these.
/// </summary>
public sealed class CPythonSocketInheritanceTests
{
    /// <summary>The caller's own SOCK_CLOEXEC is kept, not doubled, and never shows in the socket's type.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_InheritanceTest_test_SOCK_CLOEXEC(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int fd = owned.Add(PeerNative.Socket(PeerLinux.AfInet, Linux.SockStream | Linux.SockCloexec, 0), "socket");

        Assert.Equal(Linux.SockStream, PeerLinux.SocketType(fd));
        Assert.True(FileDescriptor.GetCloexec(fd));

        // Not in CPython: cloexec: false wins over the caller's SOCK_CLOEXEC, as the README's table says.
        int inheritable = owned.Add(PeerNative.Socket(PeerLinux.AfInet, Linux.SockStream | Linux.SockCloexec, 0, cloexec: false), "socket");
        Assert.Equal(Linux.SockStream, PeerLinux.SocketType(inheritable));
        Assert.False(FileDescriptor.GetCloexec(inheritable));
        TakenPath.Check(fallback, o => o.Add(PeerNative.Socket(PeerLinux.AfInet, Linux.SockStream | Linux.SockCloexec, 0), "socket"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_InheritanceTest_test_default_inheritable(bool fallback) => InheritanceCases.CreatedCloseOnExec(fallback, NewSocket);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_InheritanceTest_test_dup(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int fd = NewSocket(owned);

        int copy = owned.Add(PeerNative.Dup(fd), "dup");
        owned.Close(fd);

        Assert.True(FileDescriptor.GetCloexec(copy));
        Assert.Equal(Linux.SockStream, PeerLinux.SocketType(copy));
        TakenPath.Check(fallback, o => o.Add(PeerNative.Dup(NewSocket(o)), "dup"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_InheritanceTest_test_set_inheritable(bool fallback) => InheritanceCases.GetAndSetRoundTrip(fallback, NewSocket);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_InheritanceTest_test_get_inheritable_cloexec(bool fallback) =>
        InheritanceCases.GetSeesAFlagClearedWithFcntl(fallback, NewSocket);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_InheritanceTest_test_set_inheritable_cloexec(bool fallback) =>
        InheritanceCases.SetClearsTheFlagFcntlReads(fallback, ioctlRefused: false, NewSocket);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_InheritanceTest_test_socketpair(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int[] pair = PeerLinux.UnixSocketPair(owned);

        Assert.True(FileDescriptor.GetCloexec(pair[0]));
        Assert.True(FileDescriptor.GetCloexec(pair[1]));
        TakenPath.Check(fallback, o => PeerLinux.UnixSocketPair(o)[0]);
    }

    private static int NewSocket(Owned owned) => owned.Add(PeerNative.Socket(PeerLinux.AfInet, Linux.SockStream, 0), "socket");
}
