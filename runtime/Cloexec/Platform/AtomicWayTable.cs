using System;
using System.Runtime.InteropServices;
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
    // Variadic: the way passes a variadic argument the wrapper writes itself (fcntl(fd, F_DUPFD_CLOEXEC, 0)). On Apple
    // arm64 variadic arguments go on the stack, which a plain P/Invoke does not do, so the way does not exist there.
    private readonly record struct Row(AtomicWay Way, bool Linux, bool MacOS, bool FreeBsd, bool Windows, Refusal Refusal, bool Variadic = false);

    // Sources. Linux: man-pages open(2), socket(2), pipe(2), dup(2), accept(2), fcntl(2), mkstemp(3), epoll_create(2),
    // eventfd(2), inotify_init(2), memfd_create(2), timerfd_create(2), signalfd(2), recvmsg(2).
    // macOS: xnu bsd/sys/fcntl.h (O_CLOEXEC, F_DUPFD_CLOEXEC; no pipe2/dup3), bsd/sys/socket.h (no SOCK_CLOEXEC,
    // accept4 or MSG_CMSG_CLOEXEC), Libc stdlib.h (mkostemp since 10.12).
    // FreeBSD: sys/sys/fcntl.h (O_CLOEXEC, F_DUPFD_CLOEXEC), sys/sys/socket.h (SOCK_CLOEXEC, MSG_CMSG_CLOEXEC, accept4),
    // unistd.h (pipe2, dup3 since 10.0/12.0), sys/sys/eventfd.h (EFD_CLOEXEC, since 13.0), sys/sys/mman.h
    // (memfd_create, MFD_CLOEXEC, since 13.0), stdlib.h (mkostemp). FreeBSD has no epoll, inotify, timerfd or signalfd.
    // Windows: Windows SDK ucrt/fcntl.h (_O_NOINHERIT), um/winsock2.h (WSA_FLAG_NO_HANDLE_INHERIT), um/minwinbase.h
    // (SECURITY_ATTRIBUTES.bInheritHandle), um/handleapi.h (DuplicateHandle's bInheritHandle).
    private static readonly Row[] s_rows =
    [
        new(AtomicWay.None, false, false, false, false, Refusal.Never),
        new(AtomicWay.OpenFlag, true, true, true, false, Refusal.SilentlyIgnored),
        new(AtomicWay.SocketFlag, true, false, true, false, Refusal.InvalidArgument),
        new(AtomicWay.Pipe2, true, false, true, false, Refusal.NoSuchCall),
        new(AtomicWay.Dup3, true, false, true, false, Refusal.NoSuchCall),
        new(AtomicWay.Accept4, true, false, true, false, Refusal.NoSuchCall),
        new(AtomicWay.DupFdCloexec, true, true, true, false, Refusal.InvalidArgument, Variadic: true),
        new(AtomicWay.Mkostemp, true, true, true, false, Refusal.NoSuchCall),
        new(AtomicWay.EPollCreate1, true, false, false, false, Refusal.NoSuchCall),
        new(AtomicWay.EventFdFlag, true, false, true, false, Refusal.InvalidArgument),
        new(AtomicWay.InotifyInit1, true, false, false, false, Refusal.NoSuchCall),
        new(AtomicWay.MemFdFlag, true, false, true, false, Refusal.Never),
        new(AtomicWay.TimerFdFlag, true, false, false, false, Refusal.InvalidArgument),
        new(AtomicWay.SignalFdFlag, true, false, false, false, Refusal.InvalidArgument),
        new(AtomicWay.ReceiveMessageFlag, true, false, true, false, Refusal.Never),
        new(AtomicWay.NoInheritFlag, false, false, false, true, Refusal.Never),
        new(AtomicWay.WsaNoHandleInheritFlag, false, false, false, true, Refusal.Never),
        new(AtomicWay.SecurityAttributesInherit, false, false, false, true, Refusal.Never),
        new(AtomicWay.InheritHandleArgument, false, false, false, true, Refusal.Never),
    ];

    internal static int Count => s_rows.Length;

    /// <summary>Where variadic arguments cannot be passed by a plain P/Invoke.</summary>
    internal static bool IsAppleArm64 =>
        (OperatingSystem.IsMacOS() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsMacCatalyst())
        && RuntimeInformation.ProcessArchitecture == Architecture.Arm64;

    internal static bool ExistsHere(AtomicWay way) => ExistsOn(way, OperatingSystem.IsLinux(), OperatingSystem.IsMacOS(), OperatingSystem.IsFreeBSD(), OperatingSystem.IsWindows(), IsAppleArm64);

    /// <summary>Whether <paramref name="way"/> exists on the platform described (tests ask about every platform).</summary>
    internal static bool ExistsOn(AtomicWay way, bool linux, bool macOS, bool freeBsd, bool windows, bool appleArm64)
    {
        Row row = s_rows[(int)way];
        if (row.Variadic && appleArm64)
        {
            return false;
        }

        return (linux && row.Linux) || (macOS && row.MacOS) || (freeBsd && row.FreeBsd) || (windows && row.Windows);
    }

    internal static Refusal RefusalOf(AtomicWay way) => s_rows[(int)way].Refusal;

    /// <summary>Whether the row of <paramref name="way"/> is at its index (the table is indexed by the enum).</summary>
    internal static bool IsInOrder(AtomicWay way) => s_rows[(int)way].Way == way;

    /// <summary>Whether <paramref name="errno"/> from an atomic call says the kernel lacks the way rather than the caller erred.</summary>
    internal static bool IsRefusal(AtomicWay way, int errno) => RefusalOf(way) switch
    {
        Refusal.InvalidArgument => errno == PlatformValues.EInval,
        Refusal.NoSuchCall => errno == PlatformValues.Current?.ENoSys,
        _ => false,
    };
}
