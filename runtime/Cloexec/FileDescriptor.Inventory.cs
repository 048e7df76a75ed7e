using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Cloexec.Fallback;
using Cloexec.Platform;

namespace Cloexec;

// What a child would inherit, and making it inherit nothing more: for the descriptors this library did not create
// (native libraries, other packages, what the parent passed down).
public static partial class FileDescriptor
{
    private static volatile bool s_closeRangeRefused;

    /// <summary>When set, <see cref="SetCloexecOnAll"/> acts as if close_range were refused, so that tests drive the walk.</summary>
    internal static volatile bool RefuseCloseRangeForTests;

    /// <summary>
    /// Every descriptor of this process without close-on-exec, lowest first, with what it refers to: what a child
    /// started now would receive (0, 1 and 2 included).
    /// </summary>
    /// <remarks>
    /// Linux lists /proc/self/fd, macOS /dev/fd; FreeBSD asks every descriptor below the descriptor limit. A descriptor
    /// closed by another thread meanwhile is left out. Windows has no list of a process's inheritable handles short
    /// of the undocumented system handle table, so it is not available there.
    /// </remarks>
    /// <exception cref="PlatformNotSupportedException">On Windows.</exception>
    public static IReadOnlyList<InheritableDescriptor> ListInheritable()
    {
        PlatformValues values = RequireWalkable();
        var inheritable = new List<InheritableDescriptor>();
        foreach (int fd in OpenDescriptors(values))
        {
            int flags = Libc.FcntlGet(fd, PlatformValues.FGetFd);
            if (flags != -1 && (flags & PlatformValues.FdCloexec) == 0)
            {
                inheritable.Add(new InheritableDescriptor(fd, Describe(fd, values)));
            }
        }

        return inheritable;
    }

    /// <summary>
    /// Makes every open descriptor from <paramref name="lowest"/> up close-on-exec, except those in
    /// <paramref name="keep"/>; closes nothing. For a process that received descriptors it must not pass on (systemd
    /// socket activation: keep <c>3 .. 3 + LISTEN_FDS - 1</c>).
    /// </summary>
    /// <remarks>
    /// One <c>close_range(first, last, CLOSE_RANGE_CLOEXEC)</c> per range between the kept descriptors on Linux 5.11
    /// and later and FreeBSD 13 and later; elsewhere, or when the kernel refuses it, a walk over the open descriptors
    /// (as <see cref="ListInheritable"/> finds them) with <see cref="SetCloexec(int, bool)"/>.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lowest"/> is negative.</exception>
    /// <exception cref="IOException">Setting the flag failed on a descriptor that is still open; <see cref="Exception.HResult"/> is the errno.</exception>
    /// <exception cref="PlatformNotSupportedException">On Windows.</exception>
    public static void SetCloexecOnAll(int lowest = 3, params int[] keep) => SetCloexecOnAllWays(lowest, keep);

    /// <summary><see cref="SetCloexecOnAll"/>, telling whether close_range did it (tests).</summary>
    internal static bool SetCloexecOnAllWays(int lowest, int[] keep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lowest);
        ArgumentNullException.ThrowIfNull(keep);
        PlatformValues values = RequireWalkable();
        int[] kept = [.. keep.Where(fd => fd >= lowest).Distinct().Order()];
        if (TryCloseRanges(lowest, kept, values))
        {
            return true;
        }

        foreach (int fd in OpenDescriptors(values))
        {
            if (fd < lowest || Array.BinarySearch(kept, fd) >= 0 || HasCloexecFlag(fd))
            {
                continue;
            }

            int errno = CloexecSetter.TrySet(fd, cloexec: true);
            if (errno != 0 && Libc.FcntlGet(fd, PlatformValues.FGetFd) != -1)
            {
                throw Failure("Setting FD_CLOEXEC", fd, errno);
            }
        }

        return false;
    }

    private static bool TryCloseRanges(int lowest, int[] kept, PlatformValues values)
    {
        if (values.CloseRangeCloexec == 0 || Libc.CloseRangeAddress == 0 || s_closeRangeRefused || RefuseCloseRangeForTests)
        {
            return false;
        }

        uint first = (uint)lowest;
        foreach (int fd in kept)
        {
            if ((uint)fd > first && !TryCloseRange(first, (uint)fd - 1, values))
            {
                return false;
            }

            first = (uint)fd + 1;
        }

        return TryCloseRange(first, uint.MaxValue, values);
    }

    private static bool TryCloseRange(uint first, uint last, PlatformValues values)
    {
        Marshal.SetLastSystemError(0);
        int result = Libc.CloseRange(first, last, values.CloseRangeCloexec);
        if (result == 0)
        {
            return true;
        }

        // ENOSYS before Linux 5.9, EINVAL for the flag before 5.11: walk instead.
        int errno = Marshal.GetLastSystemError();
        if (errno == PlatformValues.EInval || errno == PlatformValues.Current?.ENoSys)
        {
            s_closeRangeRefused = true;
            return false;
        }

        throw Failure("close_range", (int)first, errno);
    }

    /// <summary>The open descriptors, lowest first: the listing's own descriptor is closed before any is looked at.</summary>
    private static List<int> OpenDescriptors(PlatformValues values)
    {
        var open = new List<int>();
        if (DescriptorDirectory is { } directory && Directory.Exists(directory))
        {
            foreach (string entry in Directory.GetFileSystemEntries(directory))
            {
                if (int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out int fd))
                {
                    open.Add(fd);
                }
            }
        }
        else
        {
            int limit = Libc.GetDTableSize();
            for (int fd = 0; fd < limit; fd++)
            {
                if (Libc.FcntlGet(fd, PlatformValues.FGetFd) != -1)
                {
                    open.Add(fd);
                }
            }
        }

        open.Sort();
        return open;
    }

    internal static unsafe string? Describe(int fd, PlatformValues values)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsAndroid())
        {
            try
            {
                return new FileInfo($"{DescriptorDirectory}/{fd.ToString(CultureInfo.InvariantCulture)}").LinkTarget;
            }
            catch (IOException)
            {
                return null; // closed meanwhile
            }
        }

        if (values.FGetPath == 0)
        {
            return null;
        }

        const int MaxPathLength = 1024; // MAXPATHLEN, the size F_GETPATH writes into (xnu bsd/sys/param.h)
        byte* path = stackalloc byte[MaxPathLength];
        return Libc.FcntlGetPath(fd, values.FGetPath, path) == -1 ? null : Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(path));
    }

    // Where the open descriptors are listed. FreeBSD's /dev/fd lists more than 0, 1 and 2 only where fdescfs is
    // mounted: there every descriptor is probed instead.
    private static string? DescriptorDirectory =>
        OperatingSystem.IsLinux() || OperatingSystem.IsAndroid() ? "/proc/self/fd"
        : OperatingSystem.IsMacOS() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsMacCatalyst() ? "/dev/fd"
        : null;

    private static PlatformValues RequireWalkable() =>
        PlatformValues.Current ?? throw new PlatformNotSupportedException(
            "Listing and sweeping descriptors exists on Linux, macOS and FreeBSD; on Windows, start processes with ProcessStartInfo.InheritedHandles (.NET 11) instead.");
}
