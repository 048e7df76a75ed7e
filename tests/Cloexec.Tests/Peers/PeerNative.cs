using System;
using System.Runtime.InteropServices;

namespace Cloexec.Tests.Peers;

/// <summary>
/// The creating calls the peers' suites exercise (os.open, os.pipe, os.dup, os.dup2, socket.socket, socket.dup,
/// socketpair, accept, recvmsg, openpty, and Go's poller's epoll_create), declared here as a user would, so the ported cases run generated wrappers of
/// their own; and the raw calls the cases inspect or prepare with.
/// </summary>
internal static unsafe partial class PeerNative
{
    private const string Libc = "libc";

    [CreatesDescriptor(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "pipe", SetLastError = true)]
    internal static partial int Pipe(Span<int> fds, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "dup", SetLastError = true)]
    internal static partial int Dup(int fd, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "dup2", SetLastError = true)]
    internal static partial int Dup2(int oldfd, int newfd, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "socket", SetLastError = true)]
    internal static partial int Socket(int domain, int type, int protocol, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "socketpair", SetLastError = true)]
    internal static partial int SocketPair(int domain, int type, int protocol, Span<int> sv, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "accept", SetLastError = true)]
    internal static partial int Accept(int fd, nint addr, nint addrlen, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "openpty", SetLastError = true)]
    internal static partial int OpenPty(out int master, out int slave, byte* name, void* termios, void* size, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "epoll_create", SetLastError = true)]
    internal static partial int EpollCreate(int size, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "recvmsg", SetLastError = true)]
    internal static partial nint RecvMsg(int fd, ref MsgHdr msg, int flags, bool? cloexec = null);

    /// <summary>fcntl(F_SETFD) behind the runtime's back, as CPython's tests call fcntl.fcntl directly.</summary>
    [DllImport(Libc, EntryPoint = "fcntl", SetLastError = true)]
    internal static extern int FcntlSetFd(int fd, int command, int flags);

    [DllImport(Libc, EntryPoint = "getsockopt", SetLastError = true)]
    internal static extern int GetSockOpt(int fd, int level, int name, int* value, int* length);

    [DllImport(Libc, EntryPoint = "write", SetLastError = true)]
    internal static extern nint Write(int fd, byte* buffer, nuint count);

    [DllImport(Libc, EntryPoint = "pread", SetLastError = true)]
    internal static extern nint PRead(int fd, byte* buffer, nuint count, long offset);
}
