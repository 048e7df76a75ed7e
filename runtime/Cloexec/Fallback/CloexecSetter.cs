using System;
using System.Runtime.InteropServices;
using Cloexec.Platform;

namespace Cloexec.Fallback;

/// <summary>Sets or clears close-on-exec on an existing descriptor: <c>ioctl(FIOCLEX)</c>, else <c>fcntl</c>.</summary>
/// <remarks>Only a failing fcntl is a failure: ioctl is the fast way, not the authority.</remarks>
internal static class CloexecSetter
{
    // Like CPython: once ioctl answers ENOTTY or EACCES (a sandbox, an odd file system), it is never tried again.
    private static volatile bool s_ioctlRefused;

    /// <summary>When not 0, every attempt fails with this errno: lets tests drive the failure path on real descriptors.</summary>
    internal static volatile int FailWithErrnoForTests;

    /// <summary>Returns 0, or the errno of the call that failed.</summary>
    internal static int TrySet(int fd, bool cloexec)
    {
        return TrySet(fd, cloexec, PlatformValues.Current ?? throw new PlatformNotSupportedException());
    }

    /// <summary>As <see cref="TrySet(int, bool)"/> with the numbers of <paramref name="platform"/> (tests play other architectures).</summary>
    internal static int TrySet(int fd, bool cloexec, PlatformValues platform)
    {
        if (FailWithErrnoForTests != 0)
        {
            return FailWithErrnoForTests;
        }

        // FioClex is 0 on an architecture whose ioctl numbers the table does not know: fcntl only there.
        if (!s_ioctlRefused && platform.FioClex != 0)
        {
            if (Libc.Ioctl(fd, cloexec ? platform.FioClex : platform.FioNClex) == 0)
            {
                return 0;
            }

            int errno = Marshal.GetLastSystemError();
            if (errno == PlatformValues.ENotTy || errno == PlatformValues.EAcces)
            {
                s_ioctlRefused = true;
            }
            else if (errno != PlatformValues.EBadF)
            {
                return errno;
            }

            // EBADF: Linux and FreeBSD refuse ioctl on an O_PATH descriptor, which fcntl accepts (CPython bpo-42780,
            // bpo-44849). Only this call falls back; a descriptor that is really closed fails in fcntl with EBADF too.
        }

        int flags = Libc.FcntlGet(fd, PlatformValues.FGetFd);
        if (flags == -1)
        {
            return Marshal.GetLastSystemError();
        }

        int wanted = cloexec ? flags | PlatformValues.FdCloexec : flags & ~PlatformValues.FdCloexec;
        if (wanted == flags)
        {
            return 0;
        }

        return Libc.FcntlSetFd(fd, wanted) == -1 ? Marshal.GetLastSystemError() : 0;
    }

    /// <summary>Sets close-on-exec on a descriptor just created; on failure closes it and returns the errno.</summary>
    internal static int SetOrClose(int fd)
    {
        int errno = TrySet(fd, cloexec: true);
        if (errno != 0)
        {
            _ = Libc.Close(fd);
        }

        return errno;
    }

    /// <summary>Whether ioctl was given up for this process (tests).</summary>
    internal static bool IoctlRefusedForTests => s_ioctlRefused;

    /// <summary>Makes the next calls use fcntl only, as after ioctl was refused (tests).</summary>
    internal static void RefuseIoctlForTests(bool refused) => s_ioctlRefused = refused;
}
