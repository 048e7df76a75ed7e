using System;
using System.Runtime.InteropServices;

namespace Cloexec.Benchmarks.Native;

/// <summary>(a) and (d): wrappers written by CreatesDescriptorGenerator, declared as a user would.</summary>
internal static partial class Generated
{
    private const string Libc = "libc";

    [CreatesDescriptor(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags, int mode = 0, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "socket", SetLastError = true)]
    internal static partial int Socket(int domain, int type, int protocol, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "pipe2", SetLastError = true)]
    internal static partial int Pipe2(Span<int> fds, int flags, bool? cloexec = null);

    /// <summary>Legacy <c>dup</c>: the wrapper upgrades it to <c>fcntl(fd, F_DUPFD_CLOEXEC, 0)</c>.</summary>
    [CreatesDescriptor(Libc, EntryPoint = "dup", SetLastError = true)]
    internal static partial int Dup(int fd, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "eventfd", SetLastError = true)]
    internal static partial int EventFd(uint initval, int flags, bool? cloexec = null);
}
