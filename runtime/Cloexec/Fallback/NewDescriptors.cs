using System;
using Cloexec.Interop;
using Cloexec.Platform;

namespace Cloexec.Fallback;

/// <summary>
/// Set-after-create for each kind of new descriptor, on whichever OS this is. An <c>int</c> is a Unix descriptor,
/// or on Windows a descriptor of ucrtbase's CRT (_open, _pipe, _dup; msvcrt's go through <see cref="HandleInheritance"/>); an <c>nint</c> on Windows is a HANDLE. The OS checks are
/// JIT-time constants, so each process keeps only its own branch.
/// </summary>
internal static class NewDescriptors
{
    /// <summary>Returns 0, or the errno (Win32 error on Windows) after closing <paramref name="fd"/>.</summary>
    internal static int SetOrClose(int fd) =>
        OperatingSystem.IsWindows() ? HandleInheritance.SetOrCloseCrt(fd, CrtLibrary.Ucrt) : CloexecSetter.SetOrClose(fd);

    /// <summary>Returns 0, or the errno (Win32 error on Windows) after closing <paramref name="descriptor"/>.</summary>
    internal static int SetOrClose(nint descriptor) =>
        OperatingSystem.IsWindows() ? HandleInheritance.SetOrCloseHandle(descriptor) : CloexecSetter.SetOrClose((int)descriptor);

    /// <summary>Sets the flag on one of a pair; returns 0 or the error, closing nothing.</summary>
    internal static int TrySet(int fd) =>
        OperatingSystem.IsWindows() ? HandleInheritance.TrySetCrt(fd, cloexec: true, CrtLibrary.Ucrt) : CloexecSetter.TrySet(fd, cloexec: true);

    /// <summary>Sets the flag on the descriptor or handle a SafeHandle owns.</summary>
    internal static int TrySetOwned(nint descriptor) =>
        OperatingSystem.IsWindows() ? HandleInheritance.TrySet(descriptor, cloexec: true) : CloexecSetter.TrySet((int)descriptor, cloexec: true);

    internal static void Close(int fd)
    {
        if (OperatingSystem.IsWindows())
        {
            HandleInheritance.CloseCrt(fd, CrtLibrary.Ucrt);
        }
        else
        {
            _ = Libc.Close(fd);
        }
    }
}
