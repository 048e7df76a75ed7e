using System;
using System.Runtime.InteropServices;
using Cloexec.Platform;

namespace Cloexec.Fallback;

/// <summary>
/// Set-after-create for each kind of new descriptor, on whichever OS this is. An <c>int</c> is a Unix descriptor,
/// or on Windows a descriptor of ucrtbase's CRT (_open, _pipe, _dup), or of msvcrt's where <c>msvcrt</c> says so; an
/// <c>nint</c> on Windows is a HANDLE. The OS checks are JIT-time constants, so each process keeps only its own branch.
/// </summary>
internal static class NewDescriptors
{
    /// <summary>Returns 0, or the errno (Win32 error on Windows) after closing <paramref name="fd"/>.</summary>
    internal static int SetOrClose(int fd, bool msvcrt = false) =>
        OperatingSystem.IsWindows() ? HandleInheritance.SetOrCloseCrt(fd, msvcrt) : CloexecSetter.SetOrClose(fd);

    /// <summary>Returns 0, or the errno (Win32 error on Windows) after closing <paramref name="descriptor"/>.</summary>
    internal static int SetOrClose(nint descriptor) =>
        OperatingSystem.IsWindows() ? HandleInheritance.SetOrCloseHandle(descriptor) : CloexecSetter.SetOrClose((int)descriptor);

    /// <summary>
    /// Sets the flag on both descriptors of a pair (pipe, socketpair, openpty, _pipe); returns 0, or the error after
    /// closing both.
    /// </summary>
    internal static int SetBothOrClose(int first, int second, bool msvcrt = false)
    {
        int errno = TrySet(first, msvcrt);
        if (errno == 0)
        {
            errno = TrySet(second, msvcrt);
        }

        if (errno != 0)
        {
            Close(first, msvcrt);
            Close(second, msvcrt);
        }

        return errno;
    }

    /// <summary>Sets the flag on the descriptor or handle a SafeHandle owns.</summary>
    internal static int TrySetOwned(nint descriptor) =>
        OperatingSystem.IsWindows() ? HandleInheritance.TrySet(descriptor, cloexec: true) : CloexecSetter.TrySet((int)descriptor, cloexec: true);

    /// <summary>
    /// Clears close-on-exec on a descriptor a call made close-on-exec by itself (<c>cloexec: false</c>); returns 0,
    /// or the errno after closing it.
    /// </summary>
    internal static int ClearOrClose(int fd)
    {
        int errno = OperatingSystem.IsWindows() ? HandleInheritance.TrySetCrt(fd, cloexec: false, msvcrt: false) : CloexecSetter.TrySet(fd, cloexec: false);
        if (errno != 0)
        {
            Close(fd);
        }

        return errno;
    }

    /// <summary>
    /// Sets (or clears) close-on-exec on the descriptor under a stdio <c>FILE*</c>; returns 0, or the errno after
    /// closing the stream with <c>fclose</c> (<c>pclose</c> for a popen stream, which also reaps the child).
    /// </summary>
    internal static int SetOrCloseStream(nint stream, bool cloexec, bool processStream)
    {
        int fd = Stdio.FileNumber(stream);
        int errno = fd == -1 ? Marshal.GetLastSystemError() : CloexecSetter.TrySet(fd, cloexec);
        if (errno != 0)
        {
            _ = processStream ? Stdio.ProcessClose(stream) : Stdio.Close(stream);
        }

        return errno;
    }

    /// <summary>Clears close-on-exec on the descriptor under a <c>DIR*</c>; returns 0, or the errno after <c>closedir</c>.</summary>
    internal static int ClearOrCloseDirectory(nint directory)
    {
        int fd = Stdio.DirectoryNumber(directory);
        int errno = fd == -1 ? Marshal.GetLastSystemError() : CloexecSetter.TrySet(fd, cloexec: false);
        if (errno != 0)
        {
            _ = Stdio.CloseDirectory(directory);
        }

        return errno;
    }

    internal static void Close(int fd, bool msvcrt = false)
    {
        if (OperatingSystem.IsWindows())
        {
            HandleInheritance.CloseCrt(fd, msvcrt);
        }
        else
        {
            _ = Libc.Close(fd);
        }
    }

    private static int TrySet(int fd, bool msvcrt) =>
        OperatingSystem.IsWindows() ? HandleInheritance.TrySetCrt(fd, cloexec: true, msvcrt) : CloexecSetter.TrySet(fd, cloexec: true);
}
