using System.Runtime.InteropServices;

namespace Cloexec.Platform;

/// <summary>
/// The few libc calls the runtime makes. Blittable and without SetLastError so that they leave the
/// caller's last P/Invoke error alone: errno is read with <see cref="Marshal.GetLastSystemError"/>.
/// None passes a variadic argument except <see cref="FcntlSet"/>, which is reached only when ioctl is refused.
/// </summary>
internal static class Libc
{
    private const string Library = "libc";

    [DllImport(Library, EntryPoint = "fcntl")]
    internal static extern int FcntlGet(int fd, int command);

    [DllImport(Library, EntryPoint = "fcntl")]
    internal static extern int FcntlSet(int fd, int command, int argument);

    [DllImport(Library, EntryPoint = "ioctl")]
    internal static extern int Ioctl(int fd, nuint request);

    [DllImport(Library, EntryPoint = "close")]
    internal static extern int Close(int fd);
}
