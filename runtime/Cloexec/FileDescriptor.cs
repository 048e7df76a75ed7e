using System;
using System.IO;
using System.Runtime.InteropServices;
using Cloexec.Fallback;
using Cloexec.Platform;

namespace Cloexec;

/// <summary>Reads and changes the close-on-exec flag of existing descriptors: PEP 433's <c>os.get_cloexec</c> and <c>os.set_cloexec</c>.</summary>
public static class FileDescriptor
{
    /// <summary>Whether <paramref name="fd"/> is closed when this process executes another program.</summary>
    /// <exception cref="IOException"><c>fcntl(F_GETFD)</c> failed, for example with EBADF; <see cref="Exception.HResult"/> is the errno.</exception>
    public static bool GetCloexec(int fd)
    {
        RequireUnix();
        int flags = Libc.FcntlGet(fd, PlatformValues.FGetFd);
        if (flags == -1)
        {
            throw Failure("fcntl(F_GETFD)", fd, Marshal.GetLastSystemError());
        }

        return (flags & PlatformValues.FdCloexec) != 0;
    }

    /// <summary>Makes <paramref name="fd"/> close-on-exec, or inheritable when <paramref name="cloexec"/> is <see langword="false"/>.</summary>
    /// <exception cref="IOException">Neither <c>ioctl(FIOCLEX)</c> nor <c>fcntl</c> succeeded; <see cref="Exception.HResult"/> is the errno.</exception>
    public static void SetCloexec(int fd, bool cloexec = true)
    {
        RequireUnix();
        int errno = CloexecSetter.TrySet(fd, cloexec);
        if (errno != 0)
        {
            throw Failure(cloexec ? "ioctl(FIOCLEX)" : "ioctl(FIONCLEX)", fd, errno);
        }
    }

    /// <summary>Whether the descriptor <paramref name="handle"/> owns is close-on-exec.</summary>
    /// <exception cref="ObjectDisposedException"><paramref name="handle"/> is closed.</exception>
    public static bool GetCloexec(SafeHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return GetCloexec((int)handle.DangerousGetHandle());
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Changes the close-on-exec flag of the descriptor <paramref name="handle"/> owns.</summary>
    /// <exception cref="ObjectDisposedException"><paramref name="handle"/> is closed.</exception>
    public static void SetCloexec(SafeHandle handle, bool cloexec = true)
    {
        ArgumentNullException.ThrowIfNull(handle);
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            SetCloexec((int)handle.DangerousGetHandle(), cloexec);
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

    private static void RequireUnix()
    {
        if (PlatformValues.Current is null)
        {
            throw new PlatformNotSupportedException("Descriptors with a close-on-exec flag exist on Linux, macOS and FreeBSD.");
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
}
