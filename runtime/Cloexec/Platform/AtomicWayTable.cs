using System;
#if CLOEXEC_KNOWLEDGE
using Cloexec.Generators.Knowledge;
#else
using Cloexec.Interop;
#endif

// Compiled into the generator too (CLOEXEC_KNOWLEDGE), which calls a way's function through the address the runtime
// found for it: the OS queries are apart, in AtomicWayTable.Current.cs.
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

/// <summary>Whether an OS has an atomic way.</summary>
internal enum Presence : byte
{
    Absent,
    /// <summary>In every version the runtime supports.</summary>
    Present,
    /// <summary>In some versions only: the way exists where the C library exports its function.</summary>
    IfExported,
}

/// <summary>Where each atomic way exists, which C function it calls, and how it is refused.</summary>
internal static partial class AtomicWayTable
{
    /// <param name="Way">The way, at its enum value's index.</param>
    /// <param name="Function">
    /// The C function the way needs: the one generated code calls where it replaces a legacy call (pipe -> pipe2),
    /// through the address the runtime found for it once per process, so that a missing function is never called;
    /// or the one whose presence tells that the flag exists (timerfd_create). Null for a way that only adds a flag to
    /// the caller's own call. A way without it here is refused.
    /// </param>
    /// <param name="Linux">Whether Linux has the way; likewise <paramref name="MacOS"/> and <paramref name="FreeBsd"/>.</param>
    /// <param name="MacOS">As <paramref name="Linux"/>.</param>
    /// <param name="FreeBsd">As <paramref name="Linux"/>.</param>
    /// <param name="Windows">Whether Windows has the way.</param>
    /// <param name="Refusal">How a kernel without the way refuses it.</param>
    /// <param name="Flag">The way's flag in this platform's row; a zero value (unknown on this architecture) turns the way off.</param>
    private readonly record struct Row(
        AtomicWay Way, string? Function, Presence Linux, Presence MacOS, Presence FreeBsd, bool Windows, Refusal Refusal, Func<PlatformValues, int>? Flag);

    // Sources. Linux: man-pages open(2), socket(2), pipe(2), dup(2), accept(2), fcntl(2), mkstemp(3), epoll_create(2),
    // eventfd(2), inotify_init(2), memfd_create(2), timerfd_create(2), signalfd(2), recvmsg(2).
    // macOS: xnu bsd/sys/fcntl.h (O_CLOEXEC, F_DUPFD_CLOEXEC), bsd/sys/socket.h (no SOCK_CLOEXEC, accept4 or
    // MSG_CMSG_CLOEXEC), Libc stdlib.h (mkostemp since 10.12); unistd.h declares pipe2 and dup3 from macOS 27 on, as
    // weak symbols: looked up at run time.
    // FreeBSD: sys/sys/fcntl.h (O_CLOEXEC, F_DUPFD_CLOEXEC), sys/sys/socket.h (SOCK_CLOEXEC, MSG_CMSG_CLOEXEC, accept4),
    // unistd.h (pipe2, dup3 since 10.0/12.0), sys/sys/eventfd.h (EFD_CLOEXEC, since 13.0), sys/sys/mman.h
    // (memfd_create, MFD_CLOEXEC, since 13.0), stdlib.h (mkostemp); sys/sys/timerfd.h (timerfd_create, 14.0) and
    // sys/sys/inotify.h (inotify_init1, 15.0): looked up at run time. FreeBSD has no epoll or signalfd.
    // Windows: Windows SDK ucrt/fcntl.h (_O_NOINHERIT), um/winsock2.h (WSA_FLAG_NO_HANDLE_INHERIT), um/minwinbase.h
    // (SECURITY_ATTRIBUTES.bInheritHandle), um/handleapi.h (DuplicateHandle's bInheritHandle).
    private const Presence No = Presence.Absent;
    private const Presence Yes = Presence.Present;
    private const Presence IfExported = Presence.IfExported;

    private static readonly Row[] s_rows =
    [
        new(AtomicWay.None, null, No, No, No, false, Refusal.Never, null),
        new(AtomicWay.OpenFlag, "open", Yes, Yes, Yes, false, Refusal.SilentlyIgnored, p => p.OCloexec),
        new(AtomicWay.SocketFlag, null, Yes, No, Yes, false, Refusal.InvalidArgument, p => p.SockCloexec),
        new(AtomicWay.Pipe2, "pipe2", Yes, IfExported, Yes, false, Refusal.NoSuchCall, p => p.OCloexec),
        new(AtomicWay.Dup3, "dup3", Yes, IfExported, Yes, false, Refusal.NoSuchCall, p => p.OCloexec),
        new(AtomicWay.Accept4, "accept4", Yes, No, Yes, false, Refusal.NoSuchCall, p => p.SockCloexec),
        new(AtomicWay.DupFdCloexec, "fcntl", Yes, Yes, Yes, false, Refusal.InvalidArgument, p => p.FDupFdCloexec),
        new(AtomicWay.Mkostemp, "mkostemp", Yes, Yes, Yes, false, Refusal.NoSuchCall, p => p.OCloexec),
        new(AtomicWay.EPollCreate1, "epoll_create1", Yes, No, No, false, Refusal.NoSuchCall, p => p.EPollCloexec),
        new(AtomicWay.EventFdFlag, null, Yes, No, Yes, false, Refusal.InvalidArgument, p => p.EventFdCloexec),
        new(AtomicWay.InotifyInit1, "inotify_init1", Yes, No, IfExported, false, Refusal.NoSuchCall, p => p.InotifyCloexec),
        new(AtomicWay.MemFdFlag, null, Yes, No, Yes, false, Refusal.Never, p => p.MemFdCloexec),
        new(AtomicWay.TimerFdFlag, "timerfd_create", Yes, No, IfExported, false, Refusal.InvalidArgument, p => p.TimerFdCloexec),
        new(AtomicWay.SignalFdFlag, null, Yes, No, No, false, Refusal.InvalidArgument, p => p.SignalFdCloexec),
        new(AtomicWay.ReceiveMessageFlag, null, Yes, No, Yes, false, Refusal.Never, p => p.MsgCmsgCloexec),
        new(AtomicWay.NoInheritFlag, null, No, No, No, true, Refusal.Never, null),
        new(AtomicWay.WsaNoHandleInheritFlag, null, No, No, No, true, Refusal.Never, null),
        new(AtomicWay.SecurityAttributesInherit, null, No, No, No, true, Refusal.Never, null),
        new(AtomicWay.InheritHandleArgument, null, No, No, No, true, Refusal.Never, null),
        // Linux: fanotify_init(2) (FAN_CLOEXEC since the call, 2.6.37), perf_event_open(2) (PERF_FLAG_FD_CLOEXEC since
        // 3.14: EINVAL before), linux/mount.h (FSOPEN/FSPICK/FSMOUNT_CLOEXEC since the calls, 5.2). Mode 'e' (O_CLOEXEC
        // in the library): glibc libio/fileops.c and iopopen.c (2.7/2.9), FreeBSD lib/libc/stdio/flags.c and
        // gen/popen.c; macOS ignores it in fopen and popen refuses it (Apple Libc stdio/FreeBSD/flags.c,
        // gen/FreeBSD/popen.c). FreeBSD: kqueue(2) (kqueuex, 14.0).
        new(AtomicWay.FanotifyFlag, null, Yes, No, No, false, Refusal.Never, p => p.FanCloexec),
        new(AtomicWay.PerfEventFlag, null, Yes, No, No, false, Refusal.InvalidArgument, p => p.PerfFlagFdCloexec),
        new(AtomicWay.MountFlag, null, Yes, No, No, false, Refusal.Never, p => p.MountCloexec),
        new(AtomicWay.ModeStringE, null, Yes, No, Yes, false, Refusal.Never, p => p.OCloexec),
        new(AtomicWay.Kqueuex, "kqueuex", No, No, IfExported, false, Refusal.NoSuchCall, p => p.KqueueCloexec),
    ];

    internal static int Count => s_rows.Length;

    /// <summary>The C function the way calls, or <see langword="null"/> when it only adds a flag to the caller's call.</summary>
    internal static string? FunctionOf(AtomicWay way) => s_rows[(int)way].Function;

    /// <summary>Whether <paramref name="way"/> exists on <paramref name="kernel"/> in some version at least.</summary>
    internal static Presence PresenceOn(AtomicWay way, UnixKernel kernel)
    {
        Row row = s_rows[(int)way];
        return kernel switch
        {
            UnixKernel.Linux => row.Linux,
            UnixKernel.MacOS => row.MacOS,
            _ => row.FreeBsd,
        };
    }

    /// <summary>
    /// Whether <paramref name="way"/> can be used on the platform described (<paramref name="values"/> null: Windows),
    /// given the address <paramref name="functionAddress"/> its function was found at (0: not exported).
    /// </summary>
    internal static bool IsAvailable(AtomicWay way, PlatformValues? values, nint functionAddress)
    {
        Row row = s_rows[(int)way];
        if (values is null)
        {
            return row.Windows;
        }

        Presence presence = PresenceOn(way, values.Kernel);
        if (presence == Presence.Absent || row.Flag?.Invoke(values) is null or 0)
        {
            return false;
        }

        // A way that calls a function of its own never calls it unexported, wherever the table says it exists.
        return row.Function is null || functionAddress != 0;
    }

    internal static Refusal RefusalOf(AtomicWay way) => s_rows[(int)way].Refusal;

    /// <summary>Whether the row of <paramref name="way"/> is at its index (the table is indexed by the enum).</summary>
    internal static bool IsInOrder(AtomicWay way) => s_rows[(int)way].Way == way;
}
