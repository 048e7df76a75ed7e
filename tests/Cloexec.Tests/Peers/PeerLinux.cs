using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Xunit;

namespace Cloexec.Tests.Peers;

/// <summary>
/// Linux values the ported cases need beyond <see cref="Linux"/> (the same on x86-64 and arm64); checked against this machine's headers by
/// <see cref="PeerValueHeaderTests"/>.
/// </summary>
internal static unsafe class PeerLinux
{
    public const int OPath = 0x200000;
    public const int AfInet = 2;
    public const int SockDgram = 2;
    public const int SoType = 3;
    public const int FSetFd = 2;

    public static int Check(int result, string call) =>
        result >= 0 ? result : throw new InvalidOperationException($"{call} failed: errno {Marshal.GetLastPInvokeError()}");

    /// <summary>Both ends of a pipe made by the generated pipe wrapper, owned by <paramref name="owned"/>.</summary>
    public static int[] Pipe(Owned owned, bool? cloexec = null)
    {
        int[] fds = new int[2];
        Check(PeerNative.Pipe(fds, cloexec), "pipe");
        return [owned.Add(fds[0], "pipe"), owned.Add(fds[1], "pipe")];
    }

    /// <summary>Both ends of a Unix stream socketpair made by the generated wrapper, owned by <paramref name="owned"/>.</summary>
    public static int[] UnixSocketPair(Owned owned)
    {
        Span<int> fds = stackalloc int[2];
        Check(PeerNative.SocketPair(Linux.AfUnix, Linux.SockStream, 0, fds), "socketpair");
        return [owned.Add(fds[0], "socketpair"), owned.Add(fds[1], "socketpair")];
    }

    /// <summary>SO_TYPE as the kernel reports it: the socket's type without SOCK_CLOEXEC or SOCK_NONBLOCK.</summary>
    public static int SocketType(int fd)
    {
        int value = 0;
        int length = sizeof(int);
        Check(PeerNative.GetSockOpt(fd, Linux.SolSocket, SoType, &value, &length), "getsockopt(SO_TYPE)");
        return value;
    }

    /// <summary>Clears FD_CLOEXEC with fcntl directly, keeping any other descriptor flag.</summary>
    public static void ClearCloexecByHand(int fd)
    {
        int flags = Check(Native.FcntlGetFd(fd, Linux.FGetFd), "fcntl(F_GETFD)");
        Check(PeerNative.FcntlSetFd(fd, FSetFd, flags & ~Linux.FdCloexec), "fcntl(F_SETFD)");
    }

    /// <summary>The first bytes of what <paramref name="fd"/> refers to, read at offset 0 without moving its offset.</summary>
    public static string ReadStart(int fd, int count)
    {
        byte* buffer = stackalloc byte[count];
        int read = (int)PeerNative.PRead(fd, buffer, (nuint)count, 0);
        Check(read, "pread");
        return Encoding.ASCII.GetString(buffer, read);
    }
}

/// <summary>Descriptors a case created, closed on dispose unless the case closed them itself.</summary>
internal sealed class Owned : IDisposable
{
    private readonly List<int> _open = [];

    /// <summary>Fails the case when <paramref name="fd"/> is -1 (naming the call and errno); else owns it.</summary>
    public int Add(int fd, string call)
    {
        _open.Add(PeerLinux.Check(fd, call));
        return fd;
    }

    public void Close(int fd)
    {
        Assert.True(_open.Remove(fd), $"descriptor {fd} is not the case's");
        Assert.Equal(0, Native.Close(fd));
    }

    public void Dispose()
    {
        foreach (int fd in _open)
        {
            _ = Native.Close(fd);
        }

        _open.Clear();
    }
}

/// <summary>A file of the case's own with known content, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(string content)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cloexec-peers-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
