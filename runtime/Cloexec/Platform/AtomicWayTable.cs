using System;
using Cloexec.Interop;

namespace Cloexec.Platform;

/// <summary>How an old kernel tells that it lacks an atomic way.</summary>
internal enum Refusal
{
    /// <summary>Every kernel that has the call honours the flag.</summary>
    Never,
    /// <summary>The flag is unknown to the call: <c>EINVAL</c> (SOCK_CLOEXEC before Linux 2.6.27, eventfd2...).</summary>
    InvalidArgument,
    /// <summary>The call itself is missing: <c>ENOSYS</c> (pipe2, dup3, accept4 before 2.6.27/2.6.28).</summary>
    NoSuchCall,
    /// <summary>The flag is silently ignored (O_CLOEXEC before Linux 2.6.23): check the first descriptor.</summary>
    SilentlyIgnored,
}

/// <summary>Where each atomic way exists and how it is refused.</summary>
internal static class AtomicWayTable
{
    private readonly record struct Row(AtomicWay Way, bool Linux, bool MacOS, bool FreeBsd, Refusal Refusal);

    // Sources: Linux man-pages (open(2), socket(2), pipe(2), dup(2), accept(2), epoll_create(2), eventfd(2),
    // inotify_init(2), memfd_create(2), timerfd_create(2), signalfd(2), recvmsg(2)); macOS and FreeBSD libc headers.
    private static readonly Row[] s_rows =
    [
        new(AtomicWay.None, false, false, false, Refusal.Never),
        new(AtomicWay.OpenFlag, true, true, true, Refusal.SilentlyIgnored),
        new(AtomicWay.SocketFlag, true, false, true, Refusal.InvalidArgument),
        new(AtomicWay.Pipe2, true, false, true, Refusal.NoSuchCall),
        new(AtomicWay.Dup3, true, false, true, Refusal.NoSuchCall),
        new(AtomicWay.Accept4, true, false, true, Refusal.NoSuchCall),
        new(AtomicWay.DupFdCloexec, true, true, true, Refusal.InvalidArgument),
        new(AtomicWay.Mkostemp, true, true, true, Refusal.NoSuchCall),
        new(AtomicWay.EPollCreate1, true, false, false, Refusal.NoSuchCall),
        new(AtomicWay.EventFdFlag, true, false, true, Refusal.InvalidArgument),
        new(AtomicWay.InotifyInit1, true, false, false, Refusal.NoSuchCall),
        new(AtomicWay.MemFdFlag, true, false, true, Refusal.Never),
        new(AtomicWay.TimerFdFlag, true, false, false, Refusal.InvalidArgument),
        new(AtomicWay.SignalFdFlag, true, false, false, Refusal.InvalidArgument),
        new(AtomicWay.ReceiveMessageFlag, true, false, true, Refusal.Never),
    ];

    internal static int Count => s_rows.Length;

    internal static bool ExistsHere(AtomicWay way)
    {
        Row row = s_rows[(int)way];
        return (OperatingSystem.IsLinux() && row.Linux)
            || (OperatingSystem.IsMacOS() && row.MacOS)
            || (OperatingSystem.IsFreeBSD() && row.FreeBsd);
    }

    internal static Refusal RefusalOf(AtomicWay way) => s_rows[(int)way].Refusal;

    /// <summary>Whether <paramref name="errno"/> from an atomic call says the kernel lacks the way rather than the caller erred.</summary>
    internal static bool IsRefusal(AtomicWay way, int errno) => RefusalOf(way) switch
    {
        Refusal.InvalidArgument => errno == PlatformValues.EInval,
        Refusal.NoSuchCall => errno == PlatformValues.Current?.ENoSys,
        _ => false,
    };
}
