using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Cloexec.Platform;

// One row per flag family, next to the two public enums that name the families and their ways: a new family is one
// member of each enum and one row here (docs/adding-a-flag-family.md), in one file. The runtime compiles the enums
// as its public contract; the generator and the analyzer compile them as internal types of the same names
// (CLOEXEC_COMPILER_EXTENSION, set by Cloexec.Knowledge.projitems), so that no test sees two public copies.
// The C name of each family's flag is written in its row and nowhere else in production code.

namespace Cloexec
{
    /// <summary>A family of close-on-exec flags: each native function takes the one of its family.</summary>
    /// <remarks>The values per platform are in <c>Cloexec.Interop.CloexecFlagValues</c>.</remarks>
    [SuppressMessage("Naming", "CA1711", Justification = "The name is part of the public contract: a flag family, not a [Flags] enum.")]
#if CLOEXEC_COMPILER_EXTENSION
    internal
#else
    public
#endif
    enum CloexecFlag
    {
        /// <summary>No atomic flag: the wrapper sets close-on-exec right after creation.</summary>
        None,
        /// <summary>open's flag: open, openat, pipe2, dup3, mkostemp, posix_openpt, open_tree.</summary>
        Open,
        /// <summary>socket's flag, in the type or flags: socket, socketpair, accept4.</summary>
        Socket,
        /// <summary>epoll_create1's flag.</summary>
        EPoll,
        /// <summary>eventfd's flag.</summary>
        EventFd,
        /// <summary>inotify_init1's flag.</summary>
        Inotify,
        /// <summary>memfd_create's flag.</summary>
        MemFd,
        /// <summary>timerfd_create's flag.</summary>
        TimerFd,
        /// <summary>signalfd's flag.</summary>
        SignalFd,
        /// <summary>recvmsg's flag, for descriptors received as <c>SCM_RIGHTS</c>.</summary>
        ReceiveMessage,
        /// <summary>The CRT's no-inherit flag (Windows): _open, _wopen, _pipe's textmode.</summary>
        NoInherit,
        /// <summary>WSASocket's no-inherit flag in dwFlags (Windows).</summary>
        WsaNoHandleInherit,
        /// <summary>
        /// A security attributes argument (Windows): a pointer, <c>nint</c> or <c>ref</c> struct; the wrapper passes a
        /// copy whose inherit field says the choice. CreateFileW, CreatePipe.
        /// </summary>
        SecurityAttributes,
        /// <summary>A BOOL inherit argument (Windows): DuplicateHandle.</summary>
        InheritHandleArgument,
        /// <summary>fanotify_init's flag (Linux).</summary>
        Fanotify,
        /// <summary>perf_event_open's flag (Linux).</summary>
        PerfEvent,
        /// <summary>The mount API's flag: fsopen, fspick, fsmount (Linux).</summary>
        Mount,
        /// <summary>
        /// A letter in a stdio mode string (fopen, freopen, popen): the wrapper passes its own copy of the mode with the
        /// letter added, or removed for <c>cloexec: false</c>.
        /// </summary>
        ModeString,
        /// <summary>kqueuex's flag (FreeBSD).</summary>
        Kqueue,
    }
}

namespace Cloexec.Interop
{
    /// <summary>
    /// One atomic way of creating a close-on-exec descriptor. The runtime remembers per process whether each works
    /// (see <c>Cloexec.Interop.AtomicWayTable</c>); generated code names the way its call takes.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
#if CLOEXEC_COMPILER_EXTENSION
    internal
#else
    public
#endif
    enum AtomicWay
    {
        /// <summary>No atomic way: close-on-exec is always set after creation.</summary>
        None,
        /// <summary>The open family's flag in open's, openat's, mkostemp's or posix_openpt's flags.</summary>
        OpenFlag,
        /// <summary>The socket family's flag in socket's or socketpair's type.</summary>
        SocketFlag,
        /// <summary><c>pipe2(fds, flag)</c>.</summary>
        Pipe2,
        /// <summary><c>dup3(old, new, flag)</c>.</summary>
        Dup3,
        /// <summary><c>accept4(fd, addr, len, flag)</c>.</summary>
        Accept4,
        /// <summary>fcntl's duplicate-close-on-exec command, instead of dup.</summary>
        DupFdCloexec,
        /// <summary><c>mkostemp(template, flag)</c>.</summary>
        Mkostemp,
        /// <summary><c>epoll_create1(flag)</c>.</summary>
        EPollCreate1,
        /// <summary>The flag in eventfd's flags.</summary>
        EventFdFlag,
        /// <summary><c>inotify_init1(flag)</c>.</summary>
        InotifyInit1,
        /// <summary>The flag in memfd_create's flags.</summary>
        MemFdFlag,
        /// <summary>The flag in timerfd_create's flags.</summary>
        TimerFdFlag,
        /// <summary>The flag in signalfd's flags.</summary>
        SignalFdFlag,
        /// <summary>The flag in recvmsg's flags.</summary>
        ReceiveMessageFlag,
        /// <summary>The flag in the CRT's _open, _wopen or _pipe flags (Windows).</summary>
        NoInheritFlag,
        /// <summary>The flag in WSASocket's dwFlags (Windows).</summary>
        WsaNoHandleInheritFlag,
        /// <summary>The security attributes' inherit field FALSE: CreateFileW, CreatePipe (Windows).</summary>
        SecurityAttributesInherit,
        /// <summary>DuplicateHandle's inherit argument FALSE (Windows).</summary>
        InheritHandleArgument,
        /// <summary>The flag in fanotify_init's flags.</summary>
        FanotifyFlag,
        /// <summary>The flag in perf_event_open's flags.</summary>
        PerfEventFlag,
        /// <summary>The flag in fsopen's, fspick's or fsmount's flags.</summary>
        MountFlag,
        /// <summary>The letter in fopen's, freopen's or popen's mode string.</summary>
        ModeStringE,
        /// <summary><c>kqueuex(flag)</c> (FreeBSD).</summary>
        Kqueuex,
    }

    /// <summary>Everything known of one flag family; every reader of a family reads its row.</summary>
    /// <param name="Family">The family, at its enum value's index.</param>
    /// <param name="CNames">
    /// What C code calls the family's flag, the first the name diagnostics show, the others aliases of the same bit; the
    /// same on every OS that defines the flag (the value per OS, zero where it has none, is <paramref name="UnixValue"/>'s).
    /// </param>
    /// <param name="UnixValue">The flag in a row of <see cref="PlatformValues"/>; null for a family that is no Unix bit.</param>
    /// <param name="WindowsValue">The flag on Windows; 0 for a family that is no Windows bit.</param>
    /// <param name="Placement">How the flag reaches a call whose declaration names the family itself.</param>
    /// <param name="Way">
    /// The atomic way a declared flags argument of the family takes, and where it exists. Its <c>Flag</c>, when not
    /// given, is <paramref name="UnixValue"/>: the way exists where the flag has a value.
    /// </param>
    /// <param name="CallerStatesInheritance">
    /// Whether every call of the family already states the inheritance it wants in one of its arguments (a Windows
    /// <c>SECURITY_ATTRIBUTES</c> or <c>bInheritHandle</c>, where null or FALSE is "not inherited"). An unset
    /// <c>cloexec</c> then keeps the caller's argument, whatever the ambient default: an explicit TRUE is a choice, as
    /// <c>cloexec: false</c> is, and only <c>cloexec: true</c> overrides it. A Unix flags argument without the flag
    /// states nothing, so there the default applies.
    /// </param>
    internal sealed record FlagFamily(
        CloexecFlag Family, string[] CNames, Func<PlatformValues, int>? UnixValue, int WindowsValue, FlagPlacement Placement, WayRow Way,
        bool CallerStatesInheritance = false)
    {
        /// <summary>
        /// The <c>CloexecFlagValues</c> property generated code reads the flag from: by rule the family's own name, which
        /// the runtime's FlagFamilyTableTests hold it to.
        /// </summary>
        public string ValueProperty => Family.ToString();
    }

    /// <summary>The flag families, in <see cref="CloexecFlag"/> order.</summary>
    internal static class FlagFamilyTable
    {
        // Sources. Linux: man-pages open(2), socket(2), epoll_create(2), eventfd(2), inotify_init(2), memfd_create(2),
        // timerfd_create(2), signalfd(2), recvmsg(2), fanotify_init(2) (since the call, 2.6.37), perf_event_open(2)
        // (since 3.14: EINVAL before), linux/mount.h (since the calls, 5.2). The mode letter (the open flag in the
        // library): glibc libio/fileops.c and iopopen.c (2.7/2.9), FreeBSD lib/libc/stdio/flags.c and gen/popen.c;
        // macOS ignores it in fopen and popen refuses it (Apple Libc stdio/FreeBSD/flags.c, gen/FreeBSD/popen.c).
        // FreeBSD: sys/sys/socket.h, sys/sys/eventfd.h (13.0), sys/sys/mman.h (13.0), sys/sys/timerfd.h and
        // kqueue(2) (14.0, both looked up at run time), sys/sys/inotify.h (15.0, looked up at run time); no epoll or
        // signalfd. macOS: xnu bsd/sys/fcntl.h has the open flag only. Windows: Windows SDK ucrt/fcntl.h,
        // um/winsock2.h, um/minwinbase.h (the security attributes), um/handleapi.h (DuplicateHandle).
        private const Presence No = Presence.Absent;
        private const Presence Yes = Presence.Present;
        private const Presence IfExported = Presence.IfExported;

        private static readonly FlagFamily[] s_rows =
        [
            new(CloexecFlag.None, [], null, 0, FlagPlacement.AfterCreation,
                new(AtomicWay.None, null, No, No, No, false, Refusal.Never)),
            new(CloexecFlag.Open, ["O_CLOEXEC", "OPEN_TREE_CLOEXEC"], p => p.OCloexec, 0, FlagPlacement.Bits,
                new(AtomicWay.OpenFlag, "open", Yes, Yes, Yes, false, Refusal.SilentlyIgnored)),
            new(CloexecFlag.Socket, ["SOCK_CLOEXEC"], p => p.SockCloexec, 0, FlagPlacement.Bits,
                new(AtomicWay.SocketFlag, null, Yes, No, Yes, false, Refusal.InvalidArgument)),
            new(CloexecFlag.EPoll, ["EPOLL_CLOEXEC"], p => p.EPollCloexec, 0, FlagPlacement.Bits,
                new(AtomicWay.EPollCreate1, "epoll_create1", Yes, No, No, false, Refusal.NoSuchCall)),
            new(CloexecFlag.EventFd, ["EFD_CLOEXEC"], p => p.EventFdCloexec, 0, FlagPlacement.Bits,
                new(AtomicWay.EventFdFlag, null, Yes, No, Yes, false, Refusal.InvalidArgument)),
            new(CloexecFlag.Inotify, ["IN_CLOEXEC"], p => p.InotifyCloexec, 0, FlagPlacement.Bits,
                new(AtomicWay.InotifyInit1, "inotify_init1", Yes, No, IfExported, false, Refusal.NoSuchCall)),
            new(CloexecFlag.MemFd, ["MFD_CLOEXEC"], p => p.MemFdCloexec, 0, FlagPlacement.Bits,
                new(AtomicWay.MemFdFlag, null, Yes, No, Yes, false, Refusal.Never)),
            new(CloexecFlag.TimerFd, ["TFD_CLOEXEC"], p => p.TimerFdCloexec, 0, FlagPlacement.Bits,
                new(AtomicWay.TimerFdFlag, "timerfd_create", Yes, No, IfExported, false, Refusal.InvalidArgument)),
            new(CloexecFlag.SignalFd, ["SFD_CLOEXEC"], p => p.SignalFdCloexec, 0, FlagPlacement.Bits,
                new(AtomicWay.SignalFdFlag, null, Yes, No, No, false, Refusal.InvalidArgument)),
            new(CloexecFlag.ReceiveMessage, ["MSG_CMSG_CLOEXEC"], p => p.MsgCmsgCloexec, 0, FlagPlacement.Bits,
                new(AtomicWay.ReceiveMessageFlag, null, Yes, No, Yes, false, Refusal.Never)),
            new(CloexecFlag.NoInherit, ["_O_NOINHERIT"], null, WindowsValues.ONoInherit, FlagPlacement.Bits,
                new(AtomicWay.NoInheritFlag, null, No, No, No, true, Refusal.Never)),
            new(CloexecFlag.WsaNoHandleInherit, ["WSA_FLAG_NO_HANDLE_INHERIT"], null, WindowsValues.WsaFlagNoHandleInherit, FlagPlacement.Bits,
                new(AtomicWay.WsaNoHandleInheritFlag, null, No, No, No, true, Refusal.Never)),
            new(CloexecFlag.SecurityAttributes, ["SECURITY_ATTRIBUTES.bInheritHandle"], null, 0, FlagPlacement.StructCopy,
                new(AtomicWay.SecurityAttributesInherit, null, No, No, No, true, Refusal.Never), CallerStatesInheritance: true),
            new(CloexecFlag.InheritHandleArgument, ["bInheritHandle"], null, 0, FlagPlacement.InheritBool,
                new(AtomicWay.InheritHandleArgument, null, No, No, No, true, Refusal.Never), CallerStatesInheritance: true),
            new(CloexecFlag.Fanotify, ["FAN_CLOEXEC"], p => p.FanCloexec, 0, FlagPlacement.Bits,
                new(AtomicWay.FanotifyFlag, null, Yes, No, No, false, Refusal.Never)),
            new(CloexecFlag.PerfEvent, ["PERF_FLAG_FD_CLOEXEC"], p => p.PerfFlagFdCloexec, 0, FlagPlacement.WideBits,
                new(AtomicWay.PerfEventFlag, null, Yes, No, No, false, Refusal.InvalidArgument)),
            new(CloexecFlag.Mount, ["FSOPEN_CLOEXEC", "FSPICK_CLOEXEC", "FSMOUNT_CLOEXEC"], p => p.MountCloexec, 0, FlagPlacement.Bits,
                new(AtomicWay.MountFlag, null, Yes, No, No, false, Refusal.Never)),
            // No bit to pass: the way exists where the library turns the letter into the open flag.
            new(CloexecFlag.ModeString, ["e"], null, 0, FlagPlacement.ModeString,
                new(AtomicWay.ModeStringE, null, Yes, No, Yes, false, Refusal.Never, p => p.OCloexec)),
            new(CloexecFlag.Kqueue, ["KQUEUE_CLOEXEC"], p => p.KqueueCloexec, 0, FlagPlacement.Bits,
                new(AtomicWay.Kqueuex, "kqueuex", No, No, IfExported, false, Refusal.NoSuchCall)),
        ];

        internal static int Count => s_rows.Length;

        /// <summary>Every row, in <see cref="CloexecFlag"/> order.</summary>
        internal static FlagFamily[] All => s_rows;

        /// <summary>The row of <paramref name="family"/>, <see langword="null"/> for a value no member names.</summary>
        internal static FlagFamily? Of(CloexecFlag family) => (uint)family < (uint)s_rows.Length ? s_rows[(int)family] : null;

        /// <summary>
        /// The flag of <paramref name="family"/> on Windows, or on the Unix platform <paramref name="unix"/> describes
        /// (null: neither, no flag).
        /// </summary>
        internal static int ValueOn(CloexecFlag family, PlatformValues? unix, bool windows) => Of(family) is not { } row ? 0
            : windows ? row.WindowsValue
            : unix is null ? 0
            : row.UnixValue?.Invoke(unix) ?? 0;

        /// <summary>Whether the row of <paramref name="family"/> is at its index (the table is indexed by the enum).</summary>
        internal static bool IsInOrder(CloexecFlag family) => Of(family)?.Family == family;
    }
}
