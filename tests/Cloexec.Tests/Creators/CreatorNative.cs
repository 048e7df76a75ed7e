using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Cloexec.Tests.Creators;

/// <summary>The creators the table learnt after version 0.1, declared as a user would.</summary>
internal static unsafe partial class CreatorNative
{
    private const string Libc = "libc";

    [CreatesDescriptor(Libc, EntryPoint = "open64", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open64(string path, int flags, int mode = 0, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "openat64", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int OpenAt64(int dirfd, string path, int flags, int mode, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "creat64", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Creat64(string path, int mode, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "open_by_handle_at", SetLastError = true)]
    internal static partial int OpenByHandleAt(int mountFd, void* handle, int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "recvmmsg", SetLastError = true)]
    internal static partial int RecvMMsg(int fd, MMsgHdr* messages, uint length, int flags, void* timeout, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "mkostemps", SetLastError = true)]
    internal static partial int Mkostemps(byte* template, int suffixLength, int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "mkostemp64", SetLastError = true)]
    internal static partial int Mkostemp64(byte* template, int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "mkostemps64", SetLastError = true)]
    internal static partial int Mkostemps64(byte* template, int suffixLength, int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "mkstemp64", SetLastError = true)]
    internal static partial int Mkstemp64(byte* template, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "mkstemps", SetLastError = true)]
    internal static partial int Mkstemps(byte* template, int suffixLength, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "mkstemps64", SetLastError = true)]
    internal static partial int Mkstemps64(byte* template, int suffixLength, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "getpt", SetLastError = true)]
    internal static partial int Getpt(bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "openpty", SetLastError = true)]
    internal static partial int OpenPty(out int master, out int slave, byte* name, void* termios, void* size, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "fanotify_init", SetLastError = true)]
    internal static partial int FanotifyInit(uint flags, uint eventFlags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "open_tree", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int OpenTree(int dirfd, string path, uint flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "fsopen", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int FsOpen(string fileSystem, uint flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "fspick", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int FsPick(int dirfd, string path, uint flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "fsmount", SetLastError = true)]
    internal static partial int FsMount(int fsFd, uint flags, uint attributeFlags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "fopen", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint FOpen(string path, string mode, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "fopen64", SetLastError = true)]
    internal static partial nint FOpen64(byte* path, byte* mode, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "freopen", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint FReopen(string path, string mode, nint stream, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "freopen64", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint FReopen64(string path, string mode, nint stream, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "popen", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint POpen(string command, string mode, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "tmpfile", SetLastError = true)]
    internal static partial nint TmpFile(bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "tmpfile64", SetLastError = true)]
    internal static partial nint TmpFile64(bool? cloexec = null);

    [LibraryImport(Libc, EntryPoint = "fopen", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint RawFOpen(string path, string mode);

    [CreatesDescriptor(Wraps = nameof(RawFOpen))]
    internal static partial nint WrappedFOpen(string path, string mode, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "opendir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint OpenDir(string path, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "shm_open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ShmOpen(string name, int flags, uint mode, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "mq_open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int MqOpen(string name, int flags, uint mode, void* attributes, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "pidfd_open", SetLastError = true)]
    internal static partial int PidfdOpen(int pid, uint flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "pidfd_open", SetLastError = true)]
    internal static partial SafeFileHandle PidfdOpenHandle(int pid, uint flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "pidfd_getfd", SetLastError = true)]
    internal static partial int PidfdGetfd(int pidfd, int targetFd, uint flags, bool? cloexec = null);

    // Not in the table (glibc's internal name of pipe): the declaration says where the descriptors come back.
    [CreatesDescriptor(Libc, EntryPoint = "__pipe", SetLastError = true, Flag = CloexecFlag.None, Descriptors = DescriptorLocation.Pair, DescriptorsParameter = "fds")]
    internal static partial int UnknownPipe(int* fds, bool? cloexec = null);

    // Create nothing: the setup and the cleanup of the cases.
    [LibraryImport(Libc, EntryPoint = "name_to_handle_at", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int NameToHandleAt(int dirfd, string path, void* handle, int* mountId, int flags);

    [LibraryImport(Libc, EntryPoint = "fsconfig", SetLastError = true)]
    internal static partial int FsConfig(int fsFd, uint command, byte* key, void* value, int auxiliary);

    [LibraryImport(Libc, EntryPoint = "fileno", SetLastError = true)]
    internal static partial int FileNumber(nint stream);

    [LibraryImport(Libc, EntryPoint = "fclose", SetLastError = true)]
    internal static partial int FClose(nint stream);

    [LibraryImport(Libc, EntryPoint = "pclose", SetLastError = true)]
    internal static partial int PClose(nint stream);

    [LibraryImport(Libc, EntryPoint = "dirfd", SetLastError = true)]
    internal static partial int DirectoryNumber(nint directory);

    [LibraryImport(Libc, EntryPoint = "closedir", SetLastError = true)]
    internal static partial int CloseDir(nint directory);

    [LibraryImport(Libc, EntryPoint = "shm_unlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ShmUnlink(string name);

    [LibraryImport(Libc, EntryPoint = "mq_unlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int MqUnlink(string name);
}

/// <summary>struct mmsghdr of 64-bit Linux: a msghdr and the length received.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MMsgHdr
{
    public MsgHdr Header;
    public uint Length;
}
