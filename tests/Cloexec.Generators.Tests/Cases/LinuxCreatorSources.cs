namespace Cloexec.Generators.Tests.Cases;

/// <summary>The Linux creators the first table had not known, declared as a consumer would.</summary>
internal static class LinuxCreatorSources
{
    public const string LargeFileAliasesAndHandles = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "open64", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial int Open64(string path, int flags, int mode = 0, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "openat64", SetLastError = true)]
            internal static partial int OpenAt64(int dirfd, byte* path, int flags, int mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "creat64", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial int Creat64(string path, int mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "open_by_handle_at", SetLastError = true)]
            internal static partial int OpenByHandleAt(int mountFd, void* handle, int flags, bool? cloexec = null);
        }
        """;

    public const string ReceiveMessages = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "recvmmsg", SetLastError = true)]
            internal static partial int RecvMMsg(int fd, MultiMessageHeader* messages, uint length, int flags, void* timeout, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "recvmmsg", SetLastError = true)]
            internal static partial int RecvMMsgArray(int fd, [In, Out] MultiMessageHeader[] messages, uint length, uint flags, nint timeout, bool? cloexec = null);
        }

        /// <summary>struct mmsghdr of 64-bit Linux.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct MultiMessageHeader
        {
            public void* Name;
            public int NameLength;
            public void* Iov;
            public nuint IovLength;
            public void* Control;
            public nuint ControlLength;
            public int Flags;
            public uint Length;
        }
        """;

    public const string TemporaryFilesAndTerminals = """
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "mkostemps", SetLastError = true)]
            internal static partial int Mkostemps(byte* template, int suffixLength, int flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "mkostemp64", SetLastError = true)]
            internal static partial int Mkostemp64(byte* template, int flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "mkostemps64", SetLastError = true)]
            internal static partial int Mkostemps64(byte* template, int suffixLength, int flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "mkstemp64", SetLastError = true)]
            internal static partial int Mkstemp64(byte* template, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "mkstemps", SetLastError = true)]
            internal static partial int Mkstemps(byte* template, int suffixLength, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "mkstemps64", SetLastError = true)]
            internal static partial int Mkstemps64(byte* template, int suffixLength, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "getpt", SetLastError = true)]
            internal static partial int Getpt(bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "openpty", SetLastError = true)]
            internal static partial int OpenPty(out int master, out int slave, byte* name, void* termios, void* size, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "kqueue", SetLastError = true)]
            internal static partial int Kqueue(bool? cloexec = null);
        }
        """;

    public const string KernelInterfaces = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "fanotify_init", SetLastError = true)]
            internal static partial int FanotifyInit(uint flags, uint eventFlags, bool? cloexec = null);

            [CreatesDescriptor("libperf", EntryPoint = "perf_event_open", SetLastError = true)]
            internal static partial int PerfEventOpen(void* attributes, int pid, int cpu, int groupFd, uint flags, bool? cloexec = null);

            // The C argument is an unsigned long: a declaration may give it its real width.
            [CreatesDescriptor("libperf", EntryPoint = "perf_event_open", SetLastError = true)]
            internal static partial int PerfEventOpenWide(void* attributes, int pid, int cpu, int groupFd, nuint flags, bool? cloexec = null);

            [CreatesDescriptor("libshim", EntryPoint = "userfaultfd", SetLastError = true)]
            internal static partial int Userfaultfd(int flags, bool? cloexec = null);

            [CreatesDescriptor("libshim", EntryPoint = "memfd_secret", SetLastError = true)]
            internal static partial int MemfdSecret(uint flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "open_tree", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial int OpenTree(int dirfd, string path, uint flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "fsopen", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial int FsOpen(string fileSystem, uint flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "fspick", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial int FsPick(int dirfd, string path, uint flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "fsmount", SetLastError = true)]
            internal static partial int FsMount(int fsFd, uint flags, uint attributeFlags, bool? cloexec = null);

            [CreatesDescriptor("libshim", EntryPoint = "openat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial int OpenAt2(int dirfd, string path, OpenHow* how, nuint size, bool? cloexec = null);

            [CreatesDescriptor("libshim", EntryPoint = "openat2", SetLastError = true)]
            internal static partial int OpenAt2ByRef(int dirfd, byte* path, ref OpenHow how, ulong size, bool? cloexec = null);
        }

        /// <summary>struct open_how, linux/openat2.h.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct OpenHow
        {
            public ulong Flags;
            public ulong Mode;
            public ulong Resolve;
        }
        """;

    public const string Streams = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "fopen", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial nint FOpen(string path, string mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "fopen64", SetLastError = true)]
            internal static partial nint FOpen64(byte* path, byte* mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "freopen", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial nint FReopen(string path, string mode, nint stream, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "freopen64", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial nint FReopen64(string path, string mode, nint stream, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "popen", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial nint POpen(string command, string mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "tmpfile", SetLastError = true)]
            internal static partial nint TmpFile(bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "tmpfile64", SetLastError = true)]
            internal static partial nint TmpFile64(bool? cloexec = null);

            [DllImport("libc", EntryPoint = "fopen", SetLastError = true)]
            private static extern nint RawFOpen([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [MarshalAs(UnmanagedType.LPUTF8Str)] string mode);

            [CreatesDescriptor(Wraps = nameof(RawFOpen))]
            internal static partial nint WrappedFOpen(string path, string mode, bool? cloexec = null);
        }
        """;

    public const string AlwaysCloexec = """
        using System.Runtime.InteropServices;
        using Cloexec;
        using Microsoft.Win32.SafeHandles;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "opendir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial nint OpenDir(string path, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "shm_open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial int ShmOpen(string name, int flags, uint mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "mq_open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial int MqOpen(string name, int flags, uint mode, void* attributes, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "pidfd_open", SetLastError = true)]
            internal static partial SafeFileHandle PidfdOpen(int pid, uint flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "pidfd_getfd", SetLastError = true)]
            internal static partial int PidfdGetfd(int pidfd, int targetFd, uint flags, bool? cloexec = null);

            [CreatesDescriptor("liburing", EntryPoint = "io_uring_setup", SetLastError = true)]
            internal static partial int IoUringSetup(uint entries, void* parameters, bool? cloexec = null);

            [CreatesDescriptor("libshim", EntryPoint = "landlock_create_ruleset", SetLastError = true)]
            internal static partial int LandlockCreateRuleset(void* attributes, nuint size, uint flags, bool? cloexec = null);

            [CreatesDescriptor("libshim", EntryPoint = "bpf", SetLastError = true)]
            internal static partial int Bpf(int command, void* attributes, uint size, bool? cloexec = null);

            [DllImport("libc", EntryPoint = "pidfd_open", SetLastError = true)]
            private static extern SafeFileHandle RawPidfdOpen(int pid, uint flags);

            [CreatesDescriptor(Wraps = nameof(RawPidfdOpen))]
            internal static partial SafeFileHandle WrappedPidfdOpen(int pid, uint flags, bool? cloexec = null);
        }
        """;
}
