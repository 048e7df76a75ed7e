namespace Cloexec.Platform;

// The one table of native numbers (Windows' are in WindowsValues beside it). Everything else, generated code
// included, reads these names. Zero means the platform has no such flag. Each value's header is named beside it;
// the Linux row is checked against this machine's headers by the tests (PlatformValuesTests compiles a C program).
// Linux: /usr/include asm-generic/fcntl.h, asm-generic/ioctls.h, bits/socket_type.h, bits/socket.h, bits/epoll.h,
// bits/eventfd.h, bits/inotify.h, bits/timerfd.h, bits/signalfd.h, linux/memfd.h, asm-generic/errno*.h; the same
// on x64, arm64 and arm.
// macOS: apple-oss-distributions/xnu bsd/sys/fcntl.h, bsd/sys/filio.h (FIOCLEX = _IO('f', 1), bsd/sys/ioccom.h
// IOC_VOID 0x20000000), bsd/sys/errno.h. macOS has no SOCK_CLOEXEC, MSG_CMSG_CLOEXEC, epoll, eventfd, inotify,
// memfd, timerfd or signalfd (bsd/sys/socket.h defines none of the flags).
// FreeBSD: freebsd/freebsd-src sys/sys/fcntl.h, sys/sys/filio.h (the same _IO('f', 1), sys/sys/ioccom.h),
// sys/sys/socket.h, sys/sys/eventfd.h, sys/sys/mman.h, sys/sys/errno.h. No epoll, inotify, timerfd or signalfd.

/// <summary>Native values of one platform.</summary>
internal sealed partial record PlatformValues(
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
    // Common to every Unix platform supported here: Linux asm-generic/fcntl.h and errno-base.h, xnu bsd/sys/fcntl.h
    // and errno.h, FreeBSD sys/sys/fcntl.h and errno.h all agree.
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
        OCloexec: 0x1000000,           // bsd/sys/fcntl.h O_CLOEXEC 0x01000000
        SockCloexec: 0,
        EPollCloexec: 0,
        EventFdCloexec: 0,
        InotifyCloexec: 0,
        MemFdCloexec: 0,
        TimerFdCloexec: 0,
        SignalFdCloexec: 0,
        MsgCmsgCloexec: 0,
        FDupFdCloexec: 67,                // bsd/sys/fcntl.h F_DUPFD_CLOEXEC 67
        CreatFlags: 0x1 | 0x200 | 0x400,  // bsd/sys/fcntl.h O_WRONLY 0x0001 | O_CREAT 0x0200 | O_TRUNC 0x0400
        FioClex: 0x20006601,              // bsd/sys/filio.h _IO('f', 1)
        FioNClex: 0x20006602,             // bsd/sys/filio.h _IO('f', 2)
        ENoSys: 78);                      // bsd/sys/errno.h ENOSYS 78

    internal static readonly PlatformValues FreeBsd = new(
        OCloexec: 0x100000,               // sys/sys/fcntl.h O_CLOEXEC 0x00100000
        SockCloexec: 0x10000000,          // sys/sys/socket.h SOCK_CLOEXEC, or-ed into socket()'s type
        EPollCloexec: 0,
        EventFdCloexec: 0x100000,         // sys/sys/eventfd.h EFD_CLOEXEC 0x00100000 (FreeBSD 13)
        InotifyCloexec: 0,
        MemFdCloexec: 0x1,                // sys/sys/mman.h MFD_CLOEXEC 0x00000001 (FreeBSD 13)
        TimerFdCloexec: 0,
        SignalFdCloexec: 0,
        MsgCmsgCloexec: 0x40000,          // sys/sys/socket.h MSG_CMSG_CLOEXEC 0x00040000
        FDupFdCloexec: 17,                // sys/sys/fcntl.h F_DUPFD_CLOEXEC 17
        CreatFlags: 0x1 | 0x200 | 0x400,  // sys/sys/fcntl.h O_WRONLY 0x0001 | O_CREAT 0x0200 | O_TRUNC 0x0400
        FioClex: 0x20006601,              // sys/sys/filio.h _IO('f', 1)
        FioNClex: 0x20006602,             // sys/sys/filio.h _IO('f', 2)
        ENoSys: 78);                      // sys/sys/errno.h ENOSYS 78
}
