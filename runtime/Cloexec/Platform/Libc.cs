using System.Runtime.InteropServices;

namespace Cloexec.Platform;

/// <summary>
/// The few libc calls the runtime makes. Blittable and without SetLastError so that they leave the
/// caller's last P/Invoke error alone: errno is read with <see cref="Marshal.GetLastSystemError"/>.
/// None passes a variadic argument except <see cref="FcntlSetFd"/>, which is reached only when ioctl is refused.
/// </summary>
internal static class Libc
{
    private const string Library = "libc";

    [DllImport(Library, EntryPoint = "fcntl")]
    internal static extern int FcntlGet(int fd, int command);

    /// <summary><c>fcntl(fd, F_SETFD, flags)</c>, with the variadic <paramref name="flags"/> where this platform's C ABI wants it.</summary>
    internal static int FcntlSetFd(int fd, int flags) =>
        PlatformValues.IsAppleArm64
            ? FcntlVariadicOnStack(fd, PlatformValues.FSetFd, 0, 0, 0, 0, 0, 0, flags)
            : FcntlWithArgument(fd, PlatformValues.FSetFd, flags);

    [DllImport(Library, EntryPoint = "fcntl")]
    private static extern int FcntlWithArgument(int fd, int command, int argument);

    // Apple arm64 passes variadic arguments on the stack, not in x2: six named arguments fill x2..x7 so that the
    // last one lands in the first stack slot, where fcntl's va_arg reads it. Not run on this project's machines.
    [DllImport(Library, EntryPoint = "fcntl")]
    private static extern int FcntlVariadicOnStack(int fd, int command, nint x2, nint x3, nint x4, nint x5, nint x6, nint x7, nint argument);

    [DllImport(Library, EntryPoint = "ioctl")]
    internal static extern int Ioctl(int fd, nuint request);

    [DllImport(Library, EntryPoint = "close")]
    internal static extern int Close(int fd);

    // ---- For ForkLock's waits (Interop/DescriptorRuntime.Blocking.cs) and the descriptor inventory
    // (FileDescriptor.Inventory.cs). Kept together so that other additions to this file do not mix with these.

    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        internal int Fd;
        internal short Events;
        internal short Revents;
    }

    /// <summary>nfds_t is unsigned long on Linux and FreeBSD, unsigned int on Apple: a register either way.</summary>
    [DllImport(Library, EntryPoint = "poll")]
    internal static extern unsafe int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [DllImport(Library, EntryPoint = "getsockopt")]
    internal static extern unsafe int GetSockOpt(int fd, int level, int name, void* value, uint* length);

    /// <summary>glibc 2.34 and FreeBSD 13 export it, older C libraries do not: found by name, 0 when missing.</summary>
    internal static readonly nint CloseRangeAddress = CLibrary.Find("close_range");

    /// <summary>close_range(first, last, flags) through <see cref="CloseRangeAddress"/>, which must not be 0.</summary>
    internal static unsafe int CloseRange(uint first, uint last, int flags) =>
        ((delegate* unmanaged<uint, uint, int, int>)CloseRangeAddress)(first, last, flags);

    /// <summary>The soft RLIMIT_NOFILE: every descriptor is below it.</summary>
    [DllImport(Library, EntryPoint = "getdtablesize")]
    internal static extern int GetDTableSize();

    /// <summary><c>fcntl(fd, F_GETPATH, buffer)</c> (Apple): the variadic pointer where this platform's C ABI wants it.</summary>
    internal static unsafe int FcntlGetPath(int fd, int command, byte* buffer) =>
        PlatformValues.IsAppleArm64
            ? FcntlVariadicPointerOnStack(fd, command, 0, 0, 0, 0, 0, 0, buffer)
            : FcntlWithPointer(fd, command, buffer);

    [DllImport(Library, EntryPoint = "fcntl")]
    private static extern unsafe int FcntlWithPointer(int fd, int command, byte* argument);

    [DllImport(Library, EntryPoint = "fcntl")]
    private static extern unsafe int FcntlVariadicPointerOnStack(int fd, int command, nint x2, nint x3, nint x4, nint x5, nint x6, nint x7, byte* argument);
}
