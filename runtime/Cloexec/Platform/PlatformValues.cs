using System;

namespace Cloexec.Platform;

// The one table of native numbers. Everything else, generated code included, reads these names.
// Linux: this machine's /usr/include (asm-generic/fcntl.h, asm-generic/ioctls.h, bits/socket_type.h,
// bits/socket.h, bits/epoll.h, bits/eventfd.h, bits/inotify.h, bits/timerfd.h, bits/signalfd.h,
// linux/memfd.h, asm-generic/errno*.h); the same on x64, arm64 and arm.
// macOS: xnu bsd/sys/fcntl.h, sys/filio.h, sys/errno.h. FreeBSD: sys/sys/fcntl.h, sys/filio.h,
// sys/socket.h, sys/eventfd.h, sys/mman.h, sys/errno.h. Zero means the platform has no such flag.

/// <summary>Native values of one platform.</summary>
internal sealed record PlatformValues(
    int OCloexec,
    int SockCloexec,
    int EPollCloexec,
    int EventFdCloexec,
    int InotifyCloexec,
    int MemFdCloexec,
    int TimerFdCloexec,
    int SignalFdCloexec,
    int MsgCmsgCloexec,
    int FDupFdCloexec,
    int CreatFlags,
    uint FioClex,
    uint FioNClex,
    int ENoSys)
{
    // Common to every Unix platform supported here.
    internal const int FGetFd = 1;
    internal const int FSetFd = 2;
    internal const int FdCloexec = 1;
    internal const int EBadF = 9;
    internal const int EAcces = 13;
    internal const int EInval = 22;
    internal const int ENotTy = 25;

    internal static readonly PlatformValues Linux = new(
        OCloexec: 0x80000,
        SockCloexec: 0x80000,
        EPollCloexec: 0x80000,
        EventFdCloexec: 0x80000,
        InotifyCloexec: 0x80000,
        MemFdCloexec: 0x1,
        TimerFdCloexec: 0x80000,
        SignalFdCloexec: 0x80000,
        MsgCmsgCloexec: 0x40000000,
        FDupFdCloexec: 1030,
        CreatFlags: 0x1 | 0x40 | 0x200, // O_WRONLY | O_CREAT | O_TRUNC
        FioClex: 0x5451,
        FioNClex: 0x5450,
        ENoSys: 38);

    internal static readonly PlatformValues MacOS = new(
        OCloexec: 0x1000000,
        SockCloexec: 0,
        EPollCloexec: 0,
        EventFdCloexec: 0,
        InotifyCloexec: 0,
        MemFdCloexec: 0,
        TimerFdCloexec: 0,
        SignalFdCloexec: 0,
        MsgCmsgCloexec: 0,
        FDupFdCloexec: 67,
        CreatFlags: 0x1 | 0x200 | 0x400, // O_WRONLY | O_CREAT | O_TRUNC
        FioClex: 0x20006601,
        FioNClex: 0x20006602,
        ENoSys: 78);

    internal static readonly PlatformValues FreeBsd = new(
        OCloexec: 0x100000,
        SockCloexec: 0x10000000,
        EPollCloexec: 0,
        EventFdCloexec: 0x100000,
        InotifyCloexec: 0,
        MemFdCloexec: 0x1,
        TimerFdCloexec: 0,
        SignalFdCloexec: 0,
        MsgCmsgCloexec: 0x40000,
        FDupFdCloexec: 17,
        CreatFlags: 0x1 | 0x200 | 0x400, // O_WRONLY | O_CREAT | O_TRUNC
        FioClex: 0x20006601,
        FioNClex: 0x20006602,
        ENoSys: 78);

    /// <summary>This process's platform, or <see langword="null"/> where descriptors are not Unix ones.</summary>
    internal static PlatformValues? Current { get; } =
        OperatingSystem.IsLinux() || OperatingSystem.IsAndroid() ? Linux
        : OperatingSystem.IsMacOS() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsMacCatalyst() ? MacOS
        : OperatingSystem.IsFreeBSD() ? FreeBsd
        : null;
}
