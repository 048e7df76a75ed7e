using System.Runtime.InteropServices;

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

    // Creates nothing: fills a struct file_handle for open_by_handle_at.
    [LibraryImport(Libc, EntryPoint = "name_to_handle_at", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int NameToHandleAt(int dirfd, string path, void* handle, int* mountId, int flags);
}

/// <summary>struct mmsghdr of 64-bit Linux: a msghdr and the length received.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MMsgHdr
{
    public MsgHdr Header;
    public uint Length;
}
