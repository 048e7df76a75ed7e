using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace Cloexec.Tests;

/// <summary>
/// Linux values the tests pass to the kernel or compare with, read from /usr/include. Kept apart from the
/// runtime's table on purpose: the tests check the product against the headers, not against itself.
/// </summary>
internal static class Linux
{
    public const int ORdOnly = 0;
    public const int ORdWr = 2;
    public const int ONoCtty = 0x100;
    public const int OCloexec = 0x80000;
    public const int SockCloexec = 0x80000;
    public const int AfUnix = 1;
    public const int SockStream = 1;
    public const int FGetFd = 1;
    public const int FDupFd = 0;
    public const int FdCloexec = 1;
    public const int AtFdCwd = -100;
    public const int ClockMonotonic = 1;
    public const int SolSocket = 1;
    public const int ScmRights = 1;
    public const int ENoEnt = 2;
    public const int EBadF = 9;
    public const int EAcces = 13;
    public const int EInval = 22;

    /// <summary>FD_CLOEXEC as fcntl(F_GETFD) reports it; fails the test when the descriptor is not open.</summary>
    public static bool HasCloexec(int fd)
    {
        int flags = Native.FcntlGetFd(fd, FGetFd);
        if (flags == -1)
        {
            throw new InvalidOperationException($"descriptor {fd} is not open: errno {Marshal.GetLastPInvokeError()}");
        }

        return (flags & FdCloexec) != 0;
    }

    public static bool IsOpen(int fd) => Native.FcntlGetFd(fd, FGetFd) != -1;

    /// <summary>How many of this process's descriptors refer to what <paramref name="matches"/> accepts.</summary>
    public static int CountOpen(Func<string, bool> matches) =>
        Directory.GetFiles("/proc/self/fd").Count(path => matches(new FileInfo(path).LinkTarget ?? string.Empty));

    /// <summary>What a descriptor refers to, as /proc shows it (pipe:[123], socket:[456], /dev/null...).</summary>
    public static string Target(int pid, int fd) => new FileInfo($"/proc/{pid}/fd/{fd}").LinkTarget ?? string.Empty;
}
