using System;
using System.Runtime.InteropServices;

namespace Cloexec.Platform;

// The numbers the fork lock's waits and the descriptor inventory need, apart from PlatformValues because none of
// them is a close-on-exec flag and the analyzer, which compiles that table in, has no use for them. Zero means the
// platform has no such thing.
// Linux: asm-generic/errno-base.h (EAGAIN 11, EINTR 4), asm-generic/fcntl.h (F_GETFL 3, O_NONBLOCK 00004000),
// bits/socket.h (MSG_DONTWAIT 0x40), asm-generic/socket.h (SOL_SOCKET 1, SO_RCVTIMEO 20 = SO_RCVTIMEO_OLD, the
// 64-bit timeval; powerpc's own socket.h differs), linux/close_range.h (CLOSE_RANGE_CLOEXEC 1 << 2), asm-generic/poll.h (POLLIN 1).
// macOS: xnu bsd/sys/errno.h (EAGAIN 35), bsd/sys/fcntl.h (O_NONBLOCK 0x4, F_GETPATH 50), bsd/sys/socket.h
// (MSG_DONTWAIT 0x80, SOL_SOCKET 0xffff, SO_RCVTIMEO 0x1006), bsd/sys/poll.h; no close_range.
// FreeBSD: sys/sys/errno.h (EAGAIN 35), sys/sys/fcntl.h (O_NONBLOCK 0x4), sys/sys/socket.h (MSG_DONTWAIT 0x80,
// SOL_SOCKET 0xffff, SO_RCVTIMEO 0x1006), sys/sys/unistd.h (CLOSE_RANGE_CLOEXEC 1 << 2, FreeBSD 13).

/// <summary>Native values for waiting without the lock and for walking the descriptor table, per platform.</summary>
internal sealed record WaitAndWalkValues(
    int EAgain,
    int ONonBlock,
    int MsgDontWait,
    int SolSocket,
    int SoRcvTimeo,
    int CloseRangeCloexec,
    int FGetPath,
    string? DescriptorDirectory)
{
    // The same on all three: Linux asm-generic, xnu and FreeBSD headers agree.
    internal const int EIntr = 4;
    internal const int FGetFl = 3;
    internal const short PollIn = 1;

    internal static readonly WaitAndWalkValues Linux = new(
        EAgain: 11, ONonBlock: 0x800, MsgDontWait: 0x40, SolSocket: 1, SoRcvTimeo: 20, CloseRangeCloexec: 1 << 2, FGetPath: 0,
        DescriptorDirectory: "/proc/self/fd");

    /// <summary>arch/powerpc/include/uapi/asm/socket.h has its own numbers: SO_RCVTIMEO_OLD 18.</summary>
    internal static readonly WaitAndWalkValues LinuxPowerPc = Linux with { SoRcvTimeo = 18 };

    internal static readonly WaitAndWalkValues MacOS = new(
        EAgain: 35, ONonBlock: 0x4, MsgDontWait: 0x80, SolSocket: 0xffff, SoRcvTimeo: 0x1006, CloseRangeCloexec: 0, FGetPath: 50,
        DescriptorDirectory: "/dev/fd");

    // /dev/fd lists more than 0, 1 and 2 only where fdescfs is mounted: the inventory probes every descriptor instead.
    internal static readonly WaitAndWalkValues FreeBsd = new(
        EAgain: 35, ONonBlock: 0x4, MsgDontWait: 0x80, SolSocket: 0xffff, SoRcvTimeo: 0x1006, CloseRangeCloexec: 1 << 2, FGetPath: 0,
        DescriptorDirectory: null);

    /// <summary>This process's platform, or <see langword="null"/> where descriptors are not Unix ones.</summary>
    internal static WaitAndWalkValues? Current { get; } =
        OperatingSystem.IsLinux() || OperatingSystem.IsAndroid() ? (RuntimeInformation.ProcessArchitecture == Architecture.Ppc64le ? LinuxPowerPc : Linux)
        : OperatingSystem.IsMacOS() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsMacCatalyst() ? MacOS
        : OperatingSystem.IsFreeBSD() ? FreeBsd
        : null;
}
