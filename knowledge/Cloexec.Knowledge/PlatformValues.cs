using System;

namespace Cloexec.Platform;

// The one table of native numbers (Windows' are in WindowsValues beside it). Everything else, generated code
// included, reads these names; each number is written once. What C calls each family's flag is in its row of
// FlagFamilyTable: the comments here cite the header only. Zero means the platform has no such flag, or that its
// value is not known here: an atomic way whose flag is zero is never tried, and a zero FIOCLEX means fcntl only.
// Every value is checked against sources this repository does not contain (tests/Cloexec.Tests/Oracles: Go's
// golang.org/x/sys, Rust's libc crate, this machine's headers through gcc).
//
// Linux: the kernel's uapi headers. Most architectures take their numbers from asm-generic (fcntl.h, ioctls.h,
// errno.h); powerpc has its own ioctls.h (FIOCLEX = _IO('f', 1)), and sparc, alpha, parisc and mips have their own
// fcntl.h and errno.h (the open flag 0x400000 on sparc, 0x200000 on alpha and parisc; ENOSYS 89 on mips). None of those
// four is an architecture .NET runs on: a Linux architecture this table does not name gets only the values that are
// the same on every architecture the kernel has (the memfd and received-rights flags, fcntl's duplicate command, and
// the constants below), so that it falls back to fcntl after creation rather than pass a wrong flag or ioctl number.
// macOS: apple-oss-distributions/xnu bsd/sys/fcntl.h, bsd/sys/filio.h (FIOCLEX = _IO('f', 1), bsd/sys/ioccom.h
// IOC_VOID 0x20000000), bsd/sys/errno.h; the same on x64 and arm64 (none of these headers is per machine). macOS has
// no socket or received-rights flag, no epoll, eventfd, inotify, memfd, timerfd or signalfd.
// FreeBSD: freebsd/freebsd-src sys/sys/fcntl.h, sys/sys/filio.h, sys/sys/socket.h, sys/sys/eventfd.h (13.0),
// sys/sys/mman.h (memfd, 13.0), sys/sys/timerfd.h (14.0: its flag is the open one), sys/sys/inotify.h (15.0: its
// flag is the open one too), sys/sys/errno.h; not per machine either. No epoll or signalfd.

/// <summary>The kernels whose descriptors the runtime handles (Windows handles are apart).</summary>
internal enum UnixKernel
{
    Linux,
    MacOS,
    FreeBsd,
}

/// <summary>The processor architectures a row of the table holds for.</summary>
[Flags]
internal enum Cpu
{
    None = 0,
    X64 = 1 << 0,
    X86 = 1 << 1,
    Arm64 = 1 << 2,
    /// <summary>32-bit Arm, armv7 and armv6 alike.</summary>
    Arm = 1 << 3,
    S390x = 1 << 4,
    Ppc64le = 1 << 5,
    LoongArch64 = 1 << 6,
    RiscV64 = 1 << 7,
    /// <summary>An architecture this table does not name.</summary>
    Other = 1 << 8,
    Any = X64 | X86 | Arm64 | Arm | S390x | Ppc64le | LoongArch64 | RiscV64 | Other,
}

/// <summary>Native values of one kernel on the architectures <see cref="Cpus"/> names.</summary>
internal sealed partial record PlatformValues
{
    // Common to every Unix platform supported here, on every architecture: Linux asm-generic/fcntl.h and
    // errno-base.h (which every architecture's errno.h includes), xnu bsd/sys/fcntl.h and errno.h, FreeBSD
    // sys/sys/fcntl.h and errno.h all agree.
    internal const int FGetFd = 1;
    internal const int FSetFd = 2;
    internal const int FdCloexec = 1;
    internal const int EBadF = 9;
    internal const int EAcces = 13;
    internal const int EInval = 22;
    internal const int ENotTy = 25;
    // What the fork lock's waits need, the same everywhere too: errno-base.h EINTR 4, fcntl.h F_GETFL 3, poll.h POLLIN 1.
    internal const int EIntr = 4;
    internal const int FGetFl = 3;
    internal const short PollIn = 1;

    internal UnixKernel Kernel { get; init; }
    internal Cpu Cpus { get; init; }

    internal int OCloexec { get; init; }
    internal int SockCloexec { get; init; }
    internal int EPollCloexec { get; init; }
    internal int EventFdCloexec { get; init; }
    internal int InotifyCloexec { get; init; }
    internal int MemFdCloexec { get; init; }
    internal int TimerFdCloexec { get; init; }
    internal int SignalFdCloexec { get; init; }
    internal int MsgCmsgCloexec { get; init; }
    internal int FDupFdCloexec { get; init; }
    /// <summary><c>O_WRONLY | O_CREAT | O_TRUNC</c>, what <c>creat</c> means.</summary>
    internal int CreatFlags { get; init; }
    /// <summary>0 where the number is not known: close-on-exec is then set with fcntl only.</summary>
    internal uint FioClex { get; init; }
    internal uint FioNClex { get; init; }
    /// <summary>0 where not known: no errno is then taken for a missing call.</summary>
    internal int ENoSys { get; init; }
    internal int FanCloexec { get; init; }
    internal int PerfFlagFdCloexec { get; init; }
    /// <summary>The mount API's flag: fsopen's, fspick's and fsmount's have the same value.</summary>
    internal int MountCloexec { get; init; }
    /// <summary><c>O_RDWR</c>, the flags glibc's getpt passes to posix_openpt.</summary>
    internal int GetptFlags { get; init; }
    internal int KqueueCloexec { get; init; }

    // Not close-on-exec flags: what a blocking creator needs to wait without the fork lock (MSG_DONTWAIT, then poll;
    // O_NONBLOCK and SO_RCVTIMEO say whether and how long the caller wanted to block), and what the descriptor
    // inventory needs (close_range, macOS F_GETPATH).
    internal int EAgain { get; init; }
    internal int ONonBlock { get; init; }
    internal int MsgDontWait { get; init; }
    internal int SolSocket { get; init; }
    internal int SoRcvTimeo { get; init; }
    internal int CloseRangeCloexec { get; init; }
    internal int FGetPath { get; init; }

    /// <summary>Whether every number a blocking creator needs to wait outside the fork lock is known on this row.</summary>
    internal bool CanWaitOutsideLock => EAgain != 0 && ONonBlock != 0 && MsgDontWait != 0 && SolSocket != 0 && SoRcvTimeo != 0;

    // Numbers several rows share, each written once.
    private const int LinuxOCloexec = 0x80000;      // asm-generic/fcntl.h 02000000
    private const int FreeBsdOCloexec = 0x100000;   // sys/sys/fcntl.h 0x00100000
    private const uint IoVoidF1 = 0x20006601;       // _IO('f', 1) in the BSD encoding (IOC_VOID 0x20000000 | 'f' << 8 | 1)
    private const uint IoVoidF2 = 0x20006602;       // _IO('f', 2)

    /// <summary>Linux, values that uapi headers outside asm/ give, the same on every architecture.</summary>
    internal static readonly PlatformValues LinuxOtherArchitecture = new()
    {
        Kernel = UnixKernel.Linux,
        Cpus = Cpu.Other,
        MemFdCloexec = 0x1,              // linux/memfd.h
        MsgCmsgCloexec = 0x40000000,     // linux/socket.h
        FDupFdCloexec = 1030,            // linux/fcntl.h F_LINUX_SPECIFIC_BASE 1024 + 6
        FanCloexec = 0x1,                // linux/fanotify.h 0x00000001
        PerfFlagFdCloexec = 0x8,         // linux/perf_event.h (1UL << 3)
        GetptFlags = 0x2,                // O_RDWR 00000002 on every architecture (glibc sysdeps/unix/sysv/linux/getpt.c)
        MsgDontWait = 0x40,              // linux/socket.h MSG_DONTWAIT 0x40, not per architecture
        CloseRangeCloexec = 0x4,         // linux/close_range.h CLOSE_RANGE_CLOEXEC (1U << 2) (Linux 5.11)
    };

    /// <summary>
    /// Linux on the architectures whose fcntl.h, ioctls.h and errno.h are asm-generic's (x86 and x64 have their own
    /// files with the same numbers; arm, s390 likewise for ioctls.h).
    /// </summary>
    internal static readonly PlatformValues Linux = LinuxOtherArchitecture with
    {
        Cpus = Cpu.X64 | Cpu.X86 | Cpu.Arm64 | Cpu.Arm | Cpu.S390x | Cpu.LoongArch64 | Cpu.RiscV64,
        OCloexec = LinuxOCloexec,
        // The socket, epoll, eventfd, inotify, timerfd and signalfd flags are all defined as the open one.
        SockCloexec = LinuxOCloexec,
        EPollCloexec = LinuxOCloexec,
        EventFdCloexec = LinuxOCloexec,
        InotifyCloexec = LinuxOCloexec,
        TimerFdCloexec = LinuxOCloexec,
        SignalFdCloexec = LinuxOCloexec,
        CreatFlags = 0x1 | 0x40 | 0x200, // O_WRONLY | O_CREAT | O_TRUNC
        // linux/mount.h 0x00000001, the three calls' flags alike: uapi, but no oracle here has them
        // for the other architectures, so only the named ones get the value.
        MountCloexec = 0x1,
        FioClex = 0x5451,
        FioNClex = 0x5450,
        ENoSys = 38,
        EAgain = 11,                     // asm-generic/errno-base.h EAGAIN 11 (alpha's differs)
        ONonBlock = 0x800,               // asm-generic/fcntl.h O_NONBLOCK 00004000 (alpha, sparc, mips, parisc differ)
        SolSocket = 1,                   // asm-generic/socket.h SOL_SOCKET 1 (alpha, sparc, mips, parisc: 0xffff)
        SoRcvTimeo = 20,                 // asm-generic/socket.h SO_RCVTIMEO_OLD 20
    };

    /// <summary>Linux on powerpc: asm-generic's numbers except arch/powerpc/include/uapi/asm/ioctls.h.</summary>
    internal static readonly PlatformValues LinuxPowerPc = Linux with
    {
        Cpus = Cpu.Ppc64le,
        FioClex = IoVoidF1,
        FioNClex = IoVoidF2,
        SoRcvTimeo = 18,                 // arch/powerpc/include/uapi/asm/socket.h SO_RCVTIMEO_OLD 18
    };

    /// <summary>What xnu and FreeBSD, both from 4.4BSD, still share: fcntl.h's open flags, filio.h, errno.h.</summary>
    private static readonly PlatformValues s_bsd = new()
    {
        Cpus = Cpu.Any,
        CreatFlags = 0x1 | 0x200 | 0x400, // O_WRONLY 0x0001 | O_CREAT 0x0200 | O_TRUNC 0x0400
        FioClex = IoVoidF1,              // filio.h FIOCLEX _IO('f', 1)
        FioNClex = IoVoidF2,             // filio.h FIONCLEX _IO('f', 2)
        ENoSys = 78,                     // errno.h ENOSYS 78
        GetptFlags = 0x2,                // fcntl.h O_RDWR 0x0002 (no getpt on either: kept for one O_RDWR per row)
        EAgain = 35,                     // errno.h EAGAIN 35
        ONonBlock = 0x4,                 // fcntl.h O_NONBLOCK 0x0004
        MsgDontWait = 0x80,              // socket.h MSG_DONTWAIT 0x80
        SolSocket = 0xffff,              // socket.h SOL_SOCKET 0xffff
        SoRcvTimeo = 0x1006,             // socket.h SO_RCVTIMEO 0x1006
    };

    internal static readonly PlatformValues MacOS = s_bsd with
    {
        Kernel = UnixKernel.MacOS,
        OCloexec = 0x1000000,            // bsd/sys/fcntl.h 0x01000000
        FDupFdCloexec = 67,              // bsd/sys/fcntl.h F_DUPFD_CLOEXEC 67
        FGetPath = 50,                   // bsd/sys/fcntl.h F_GETPATH 50
    };

    internal static readonly PlatformValues FreeBsd = s_bsd with
    {
        Kernel = UnixKernel.FreeBsd,
        OCloexec = FreeBsdOCloexec,
        SockCloexec = 0x10000000,        // sys/sys/socket.h, or-ed into socket()'s type
        EventFdCloexec = FreeBsdOCloexec, // sys/sys/eventfd.h 0x00100000 (FreeBSD 13)
        InotifyCloexec = FreeBsdOCloexec, // sys/sys/inotify.h, the open flag (FreeBSD 15)
        MemFdCloexec = 0x1,              // sys/sys/mman.h 0x00000001 (FreeBSD 13)
        TimerFdCloexec = FreeBsdOCloexec, // sys/sys/timerfd.h, the open flag (FreeBSD 14)
        MsgCmsgCloexec = 0x40000,        // sys/sys/socket.h 0x00040000
        FDupFdCloexec = 17,              // sys/sys/fcntl.h F_DUPFD_CLOEXEC 17
        KqueueCloexec = 0x1,             // sys/sys/event.h 0x00000001 (FreeBSD 14)
        CloseRangeCloexec = 0x4,         // sys/sys/unistd.h CLOSE_RANGE_CLOEXEC (1 << 2) (FreeBSD 13)
    };

    /// <summary>Every row: for each kernel, one row per set of architectures with the same numbers.</summary>
    internal static readonly PlatformValues[] All = [Linux, LinuxPowerPc, LinuxOtherArchitecture, MacOS, FreeBsd];

    /// <summary>The row of <paramref name="kernel"/> on <paramref name="cpu"/>.</summary>
    internal static PlatformValues For(UnixKernel kernel, Cpu cpu)
    {
        foreach (PlatformValues row in All)
        {
            if (row.Kernel == kernel && (row.Cpus & cpu) != 0)
            {
                return row;
            }
        }

        return For(kernel, Cpu.Other);
    }
}
