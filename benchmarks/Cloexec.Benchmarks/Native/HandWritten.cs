using System;
using System.Runtime.InteropServices;

namespace Cloexec.Benchmarks.Native;

/// <summary>
/// (b) and (c): what a careful developer writes without the generator, with the SDK's [LibraryImport] and the
/// same settings as the generated declarations. The close-on-exec flag, when wanted, is passed by the caller.
/// </summary>
internal static partial class HandWritten
{
    private const string Libc = "libc";

    [LibraryImport(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags, int mode);

    [LibraryImport(Libc, EntryPoint = "socket", SetLastError = true)]
    internal static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Libc, EntryPoint = "pipe2", SetLastError = true)]
    internal static partial int Pipe2(Span<int> fds, int flags);

    [LibraryImport(Libc, EntryPoint = "dup", SetLastError = true)]
    internal static partial int Dup(int fd);

    /// <summary><c>fcntl(fd, F_DUPFD_CLOEXEC, 0)</c>: dup with the flag, as the generated wrapper does it.</summary>
    [LibraryImport(Libc, EntryPoint = "fcntl", SetLastError = true)]
    internal static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport(Libc, EntryPoint = "eventfd", SetLastError = true)]
    internal static partial int EventFd(uint initval, int flags);

    /// <summary>Every variant closes through this one declaration, so the close costs the same everywhere.</summary>
    [LibraryImport(Libc, EntryPoint = "close")]
    internal static partial int Close(int fd);
}
