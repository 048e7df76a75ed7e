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
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_InheritanceTest_test_default_inheritable(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int fd = owned.Add(PeerNative.Socket(PeerLinux.AfInet, Linux.SockStream, 0), "socket");

        Assert.True(FileDescriptor.GetCloexec(fd));
        Assert.True(Linux.HasCloexec(fd));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_InheritanceTest_test_dup(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int fd = owned.Add(PeerNative.Socket(PeerLinux.AfInet, Linux.SockStream, 0), "socket");

        int copy = owned.Add(PeerNative.Dup(fd), "dup");
        owned.Close(fd);

        Assert.True(FileDescriptor.GetCloexec(copy));
        Assert.Equal(Linux.SockStream, PeerLinux.SocketType(copy));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_InheritanceTest_test_set_inheritable(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int fd = owned.Add(PeerNative.Socket(PeerLinux.AfInet, Linux.SockStream, 0), "socket");

        FileDescriptor.SetCloexec(fd, cloexec: false);
        Assert.False(FileDescriptor.GetCloexec(fd));
        Assert.False(Linux.HasCloexec(fd));

        FileDescriptor.SetCloexec(fd, cloexec: true);
        Assert.True(FileDescriptor.GetCloexec(fd));
        Assert.True(Linux.HasCloexec(fd));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_InheritanceTest_test_get_inheritable_cloexec(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int fd = owned.Add(PeerNative.Socket(PeerLinux.AfInet, Linux.SockStream, 0), "socket");
        Assert.True(FileDescriptor.GetCloexec(fd));

        PeerLinux.ClearCloexecByHand(fd);

        Assert.False(FileDescriptor.GetCloexec(fd));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_InheritanceTest_test_set_inheritable_cloexec(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int fd = owned.Add(PeerNative.Socket(PeerLinux.AfInet, Linux.SockStream, 0), "socket");
        Assert.True(Linux.HasCloexec(fd));

        FileDescriptor.SetCloexec(fd, cloexec: false);

        Assert.False(Linux.HasCloexec(fd));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_InheritanceTest_test_socketpair(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        Span<int> pair = stackalloc int[2];
        PeerLinux.Check(PeerNative.SocketPair(Linux.AfUnix, Linux.SockStream, 0, pair), "socketpair");
        owned.Add(pair[0], "socketpair");
        owned.Add(pair[1], "socketpair");

        Assert.True(FileDescriptor.GetCloexec(pair[0]));
        Assert.True(FileDescriptor.GetCloexec(pair[1]));
    }
}
