using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Cloexec.Tests;

/// <summary>Every Linux entry point the generator knows, declared as a user would, against the public contract only.</summary>
internal static unsafe partial class Native
{
    private const string Libc = "libc";

    [CreatesDescriptor(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags, int mode = 0, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial SafeFileHandle OpenHandle(string path, int flags, int mode = 0, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CoTaskMemUtf8Marshaller))]
    internal static partial int OpenThroughCustomMarshaller(string path, int flags, int mode = 0, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial int OpenAtUtf16(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "openat", SetLastError = true)]
    internal static partial int OpenAt(int dirfd, byte* path, int flags, int mode, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "creat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Creat(string path, int mode, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "pipe", SetLastError = true)]
    internal static partial int Pipe(Span<int> fds, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "pipe2", SetLastError = true)]
    internal static partial int Pipe2(int[] fds, int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "dup", SetLastError = true)]
    internal static partial int Dup(int fd, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "dup2", SetLastError = true)]
    internal static partial int Dup2(int oldfd, int newfd, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "dup3", SetLastError = true)]
    internal static partial int Dup3(int oldfd, int newfd, int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "mkstemp", SetLastError = true)]
    internal static partial int Mkstemp(byte* template, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "mkostemp", SetLastError = true)]
    internal static partial int Mkostemp(byte* template, int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "posix_openpt", SetLastError = true)]
    internal static partial int PosixOpenpt(int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "socket", SetLastError = true)]
    internal static partial int Socket(int domain, int type, int protocol, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "socketpair", SetLastError = true)]
    internal static partial int SocketPair(int domain, int type, int protocol, int* sv, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "accept", SetLastError = true)]
    internal static partial int Accept(int fd, nint addr, nint addrlen, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "accept4", SetLastError = true)]
    internal static partial int Accept4(int fd, nint addr, nint addrlen, int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "epoll_create", SetLastError = true)]
    internal static partial int EpollCreate(int size, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "epoll_create1", SetLastError = true)]
    internal static partial int EpollCreate1(int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "eventfd", SetLastError = true)]
    internal static partial int EventFd(uint initval, int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "inotify_init", SetLastError = true)]
    internal static partial int InotifyInit(bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "inotify_init1", SetLastError = true)]
    internal static partial int InotifyInit1(int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "memfd_create", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int MemfdCreate(string name, uint flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "timerfd_create", SetLastError = true)]
    internal static partial int TimerfdCreate(int clockid, int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "signalfd", SetLastError = true)]
    internal static partial int Signalfd(int fd, ulong* mask, int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "recvmsg", SetLastError = true)]
    internal static partial nint RecvMsg(int fd, ref MsgHdr msg, int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "fcntl", FlagsParameter = null, Flag = CloexecFlag.None, SetLastError = true)]
    internal static partial int DupViaFcntl(int fd, int command, int argument, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "socket", FlagsParameter = "kind", Flag = CloexecFlag.Socket, SetLastError = true)]
    internal static partial int SocketByName(int domain, int kind, int protocol, bool cloexec);

    [LibraryImport(Libc, EntryPoint = "socket", SetLastError = true)]
    private static partial int RawSocket(int domain, int type, int protocol);

    [CreatesDescriptor(Wraps = nameof(RawSocket))]
    internal static partial int WrappedSocket(int domain, int type, int protocol, bool? cloexec = null);

    [LibraryImport(Libc, EntryPoint = "pipe", SetLastError = true)]
    private static partial int RawPipe(Span<int> fds);

    [CreatesDescriptor(Wraps = nameof(RawPipe))]
    internal static partial int WrappedPipe(Span<int> fds, bool? cloexec = null);

    [DllImport(Libc, EntryPoint = "close", SetLastError = true)]
    internal static extern int Close(int fd);

    [DllImport(Libc, EntryPoint = "fcntl", SetLastError = true)]
    internal static extern int FcntlGetFd(int fd, int command);

    [DllImport(Libc, EntryPoint = "sendmsg", SetLastError = true)]
    internal static extern nint SendMsg(int fd, ref MsgHdr msg, int flags);

    [DllImport(Libc, EntryPoint = "listen", SetLastError = true)]
    internal static extern int Listen(int fd, int backlog);

    [DllImport(Libc, EntryPoint = "connect", SetLastError = true)]
    internal static extern int Connect(int fd, byte* address, int length);

    [DllImport(Libc, EntryPoint = "bind", SetLastError = true)]
    internal static extern int Bind(int fd, byte* address, int length);

    [DllImport(Libc, EntryPoint = "getsockname", SetLastError = true)]
    internal static extern int GetSockName(int fd, byte* address, int* length);
}

/// <summary>struct msghdr of 64-bit Linux.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MsgHdr
{
    public void* Name;
    public int NameLength;
    public IOVec* Iov;
    public nuint IovLength;
    public void* Control;
    public nuint ControlLength;
    public int Flags;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct IOVec
{
    public void* Base;
    public nuint Length;
}

/// <summary>A user's own stateless string marshaller, the shape StringMarshallingCustomType names.</summary>
internal static unsafe class CoTaskMemUtf8Marshaller
{
    public static byte* ConvertToUnmanaged(string? value) => (byte*)Marshal.StringToCoTaskMemUTF8(value);

    public static void Free(byte* value) => Marshal.FreeCoTaskMem((nint)value);
}
