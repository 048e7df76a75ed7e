using System.Diagnostics.CodeAnalysis;

// The generator and the analyzer compile this file in (CLOEXEC_KNOWLEDGE), so that their table names the families the
// runtime has, typed: there it is an internal type of their own namespace, never a second public Cloexec.CloexecFlag.
#if CLOEXEC_KNOWLEDGE
namespace Cloexec.Generators.Knowledge;
#else
namespace Cloexec;
#endif

/// <summary>A family of close-on-exec flags: each native function takes the one of its family.</summary>
/// <remarks>The values per platform are in <c>Cloexec.Interop.CloexecFlagValues</c>.</remarks>
[SuppressMessage("Naming", "CA1711", Justification = "The name is part of the public contract: a flag family, not a [Flags] enum.")]
#if CLOEXEC_KNOWLEDGE
internal
#else
public
#endif
enum CloexecFlag
{
    /// <summary>No atomic flag: the wrapper sets close-on-exec right after creation.</summary>
    None,

    /// <summary><c>O_CLOEXEC</c>: open, openat, pipe2, dup3, mkostemp, posix_openpt.</summary>
    Open,

    /// <summary><c>SOCK_CLOEXEC</c> in the type or flags: socket, socketpair, accept4.</summary>
    Socket,

    /// <summary><c>EPOLL_CLOEXEC</c>: epoll_create1.</summary>
    EPoll,

    /// <summary><c>EFD_CLOEXEC</c>: eventfd.</summary>
    EventFd,

    /// <summary><c>IN_CLOEXEC</c>: inotify_init1.</summary>
    Inotify,

    /// <summary><c>MFD_CLOEXEC</c>: memfd_create.</summary>
    MemFd,

    /// <summary><c>TFD_CLOEXEC</c>: timerfd_create.</summary>
    TimerFd,

    /// <summary><c>SFD_CLOEXEC</c>: signalfd.</summary>
    SignalFd,

    /// <summary><c>MSG_CMSG_CLOEXEC</c>: recvmsg, for descriptors received as <c>SCM_RIGHTS</c>.</summary>
    ReceiveMessage,

    /// <summary><c>_O_NOINHERIT</c> in the CRT's flags (Windows): _open, _wopen, _pipe's textmode.</summary>
    NoInherit,

    /// <summary><c>WSA_FLAG_NO_HANDLE_INHERIT</c> in WSASocket's dwFlags (Windows).</summary>
    WsaNoHandleInherit,

    /// <summary>
    /// <c>SECURITY_ATTRIBUTES.bInheritHandle</c> (Windows): the argument is a <c>SECURITY_ATTRIBUTES*</c> (a pointer,
    /// <c>nint</c> or <c>ref</c> struct); the wrapper passes a copy whose bInheritHandle says the choice. CreateFileW, CreatePipe.
    /// </summary>
    SecurityAttributes,

    /// <summary>A BOOL <c>bInheritHandle</c> argument (Windows): DuplicateHandle.</summary>
    InheritHandleArgument,

    /// <summary><c>FAN_CLOEXEC</c>: fanotify_init's flags (Linux).</summary>
    Fanotify,

    /// <summary><c>PERF_FLAG_FD_CLOEXEC</c>: perf_event_open's flags (Linux).</summary>
    PerfEvent,

    /// <summary><c>FSOPEN_CLOEXEC</c>, <c>FSPICK_CLOEXEC</c>, <c>FSMOUNT_CLOEXEC</c>: the mount API's flags (Linux).</summary>
    Mount,

    /// <summary>
    /// <c>'e'</c> in a stdio mode string (fopen, freopen, popen): the wrapper passes its own copy of the mode with
    /// <c>e</c> added, or removed for <c>cloexec: false</c>.
    /// </summary>
    ModeString,

    /// <summary><c>KQUEUE_CLOEXEC</c>: FreeBSD's kqueuex.</summary>
    Kqueue,
}
