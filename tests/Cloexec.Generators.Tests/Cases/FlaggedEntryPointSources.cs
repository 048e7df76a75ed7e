namespace Cloexec.Generators.Tests.Cases;

/// <summary>The entry points that take a close-on-exec flag themselves, declared as a consumer would.</summary>
internal static class FlaggedEntryPointSources
{
    public const string OpenFamily = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial int Open(string path, int flags, int mode = 0, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "openat", SetLastError = true)]
            internal static partial int OpenAt(int dirfd, byte* path, int flags, int mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "mkostemp", SetLastError = true)]
            internal static partial int Mkostemp(byte* template, int flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "posix_openpt", SetLastError = true)]
            internal static partial int PosixOpenpt(int flags, bool? cloexec = null);
        }
        """;

    public const string PipeAndDup = """
        using Cloexec;

        namespace Demo;

        internal static partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "pipe2", SetLastError = true)]
            internal static partial int Pipe2(int[] fds, int flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "dup3", SetLastError = true)]
            internal static partial int Dup3(int oldfd, int newfd, int flags, bool? cloexec = null);
        }
        """;

    public const string SocketFamily = """
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "socket", SetLastError = true)]
            internal static partial int Socket(int domain, int type, int protocol, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "socketpair", SetLastError = true)]
            internal static partial int SocketPair(int domain, int type, int protocol, int* sv, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "accept4", SetLastError = true)]
            internal static partial int Accept4(int fd, nint addr, nint addrlen, int flags, bool? cloexec = null);
        }
        """;

    public const string EventFamily = """
        using Cloexec;

        namespace Demo;

        internal static partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "epoll_create1", SetLastError = true)]
            internal static partial int EpollCreate1(int flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "eventfd", SetLastError = true)]
            internal static partial int EventFd(uint initval, int flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "inotify_init1", SetLastError = true)]
            internal static partial int InotifyInit1(int flags, bool? cloexec = null);
        }
        """;

    public const string MemoryTimerAndSignalFamily = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "memfd_create", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial int MemfdCreate(string name, uint flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "timerfd_create", SetLastError = true)]
            internal static partial int TimerfdCreate(int clockid, int flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "signalfd", SetLastError = true)]
            internal static partial int Signalfd(int fd, ulong* mask, int flags, bool? cloexec = null);
        }
        """;

    public const string ReceiveMessage = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "recvmsg", SetLastError = true)]
            internal static partial nint RecvMsg(int fd, ref MessageHeader msg, int flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "recvmsg", SetLastError = true)]
            internal static partial long RecvMsgByPointer(int fd, MessageHeader* msg, int flags, bool? cloexec = null);
        }

        /// <summary>struct msghdr of 64-bit Linux.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct MessageHeader
        {
            public void* Name;
            public int NameLength;
            public void* Iov;
            public nuint IovLength;
            public void* Control;
            public nuint ControlLength;
            public int Flags;
        }
        """;
}
