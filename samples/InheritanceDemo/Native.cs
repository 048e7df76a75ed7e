using System;
using System.Runtime.InteropServices;
using Cloexec;

namespace InheritanceDemo;

/// <summary>
/// The libc functions the demo creates descriptors with, declared as any consumer would. The generator
/// writes the bodies: each takes the extra <c>cloexec</c> argument, which never reaches libc.
/// </summary>
internal static partial class Native
{
    private const string Libc = "libc";

    internal const int ORdOnly = 0;
    internal const int AfUnix = 1;
    internal const int SockStream = 1;

    [CreatesDescriptor(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    // No mode argument: open is variadic, and a P/Invoke cannot pass its mode on Apple arm64 (CLOEXEC0100).
    internal static partial int Open(string path, int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "pipe", SetLastError = true)]
    internal static partial int Pipe(Span<int> fds, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "socket", SetLastError = true)]
    internal static partial int Socket(int domain, int type, int protocol, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "eventfd", SetLastError = true)]
    internal static partial int EventFd(uint initval, int flags, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "dup", SetLastError = true)]
    internal static partial int Dup(int fd, bool? cloexec = null);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);
}
