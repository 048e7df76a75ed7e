using System;
using System.IO;
using System.Runtime.InteropServices;
using Cloexec.Fallback;
using Cloexec.Platform;

namespace Cloexec;

/// <summary>
/// Reads and changes the close-on-exec flag of existing descriptors: PEP 433's <c>os.get_cloexec</c> and
/// <c>os.set_cloexec</c>. On Windows "close-on-exec" is <c>HANDLE_FLAG_INHERIT</c> clear: the handle is not
/// passed to a child started with handle inheritance on.
/// </summary>
/// <remarks>
/// An <c>int</c> is a Unix descriptor, or on Windows a CRT descriptor (from _open, _pipe, _dup of ucrtbase). An
/// <c>nint</c> is a Windows HANDLE or SOCKET, or on Unix a descriptor. A <see cref="SafeHandle"/> owns one of those.
/// </remarks>
public static partial class FileDescriptor
{
    /// <summary>Whether <paramref name="fd"/> is closed when this process executes another program (not inherited, on Windows).</summary>
    /// <exception cref="IOException"><c>fcntl(F_GETFD)</c> (Windows: GetHandleInformation) failed, for example with EBADF; <see cref="Exception.HResult"/> is the errno (Win32 error).</exception>
    public static bool GetCloexec(int fd)
    {
        if (OperatingSystem.IsWindows())
        {
            nint handle = HandleInheritance.HandleOf(fd, msvcrt: false, out int error);
            return error != 0 ? throw WindowsFailure("_get_osfhandle", fd, error) : GetHandleCloexec(handle, fd);
        }

        RequireUnix();
        int flags = Libc.FcntlGet(fd, PlatformValues.FGetFd);
        if (flags == -1)
        {
            throw Failure("fcntl(F_GETFD)", fd, Marshal.GetLastSystemError());
        }

        return (flags & PlatformValues.FdCloexec) != 0;
    }

    /// <summary>Makes <paramref name="fd"/> close-on-exec (not inherited), or inheritable when <paramref name="cloexec"/> is <see langword="false"/>.</summary>
    /// <exception cref="IOException">Neither <c>ioctl(FIOCLEX)</c> nor <c>fcntl</c> (Windows: SetHandleInformation) succeeded; <see cref="Exception.HResult"/> is the errno (Win32 error).</exception>
    public static void SetCloexec(int fd, bool cloexec = true)
    {
        if (OperatingSystem.IsWindows())
        {
            int windowsError = HandleInheritance.TrySetCrt(fd, cloexec, msvcrt: false);
            if (windowsError != 0)
            {
                throw WindowsFailure("SetHandleInformation", fd, windowsError);
            }

            return;
        }

        RequireUnix();
        int errno = CloexecSetter.TrySet(fd, cloexec);
        if (errno != 0)
        {
            throw Failure(cloexec ? "Setting FD_CLOEXEC" : "Clearing FD_CLOEXEC", fd, errno);
        }
    }

    /// <summary>Whether the Windows HANDLE or SOCKET <paramref name="handle"/> is not inherited (on Unix: the descriptor's close-on-exec flag).</summary>
    /// <exception cref="IOException">GetHandleInformation failed; <see cref="Exception.HResult"/> is the Win32 error.</exception>
    public static bool GetCloexec(nint handle) => OperatingSystem.IsWindows() ? GetHandleCloexec(handle, handle) : GetCloexec((int)handle);

    /// <summary>Makes the Windows HANDLE or SOCKET <paramref name="handle"/> non-inheritable, or inheritable when <paramref name="cloexec"/> is <see langword="false"/>.</summary>
    /// <exception cref="IOException">SetHandleInformation failed; <see cref="Exception.HResult"/> is the Win32 error.</exception>
    public static void SetCloexec(nint handle, bool cloexec = true)
    {
        if (!OperatingSystem.IsWindows())
        {
            SetCloexec((int)handle, cloexec);
            return;
        }

        int error = HandleInheritance.TrySet(handle, cloexec);
        if (error != 0)
        {
            throw WindowsFailure("SetHandleInformation", handle, error);
        }
    }

    /// <summary>Whether the descriptor (Windows: handle) <paramref name="handle"/> owns is close-on-exec.</summary>
    /// <exception cref="ObjectDisposedException"><paramref name="handle"/> is closed.</exception>
    public static bool GetCloexec(SafeHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return GetCloexec(handle.DangerousGetHandle());
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Changes the close-on-exec flag (Windows: clears or sets HANDLE_FLAG_INHERIT) of what <paramref name="handle"/> owns.</summary>
    /// <exception cref="ObjectDisposedException"><paramref name="handle"/> is closed.</exception>
    public static void SetCloexec(SafeHandle handle, bool cloexec = true)
    {
        ArgumentNullException.ThrowIfNull(handle);
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            SetCloexec(handle.DangerousGetHandle(), cloexec);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>The flag as <c>fcntl(F_GETFD)</c> reports it, <see langword="false"/> when that fails.</summary>
    internal static bool HasCloexecFlag(int fd)
    {
        int flags = Libc.FcntlGet(fd, PlatformValues.FGetFd);
        return flags != -1 && (flags & PlatformValues.FdCloexec) != 0;
    }

    private static bool GetHandleCloexec(nint handle, nint shownAs) =>
        HandleInheritance.TryGet(handle, out bool cloexec, out int error) ? cloexec : throw WindowsFailure("GetHandleInformation", shownAs, error);

    private static void RequireUnix()
    {
        if (PlatformValues.Current is null)
        {
            throw new PlatformNotSupportedException("Descriptors with a close-on-exec flag exist on Linux, macOS and FreeBSD; Windows has handle inheritance.");
        }
    }

    private static IOException Failure(string call, int fd, int errno)
    {
        string name = errno switch
        {
            PlatformValues.EBadF => "EBADF",
            PlatformValues.EAcces => "EACCES",
            PlatformValues.EInval => "EINVAL",
            PlatformValues.ENotTy => "ENOTTY",
            _ => "errno " + errno.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return new IOException($"{call} failed for descriptor {fd}: {name} ({Marshal.GetPInvokeErrorMessage(errno)}).", errno);
    }

    private static IOException WindowsFailure(string call, nint handle, int error)
    {
        string name = error == WindowsValues.ErrorInvalidHandle ? "ERROR_INVALID_HANDLE" : "error " + error.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new IOException($"{call} failed for handle 0x{handle:x}: {name} ({Marshal.GetPInvokeErrorMessage(error)}).", error);
    }
}
