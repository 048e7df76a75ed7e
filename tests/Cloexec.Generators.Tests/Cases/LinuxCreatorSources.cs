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
}
