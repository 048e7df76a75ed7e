using System.ComponentModel;

// Compiled into the generator and the analyzer too (CLOEXEC_KNOWLEDGE): see CloexecFlag.cs.
#if CLOEXEC_KNOWLEDGE
namespace Cloexec.Generators.Knowledge;
#else
namespace Cloexec.Interop;
#endif

/// <summary>
/// One atomic way of creating a close-on-exec descriptor. The runtime remembers per process whether
/// each works (see <c>Cloexec.Platform.AtomicWayTable</c>); generated code names the way its call takes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
#if CLOEXEC_KNOWLEDGE
internal
#else
public
#endif
enum AtomicWay
{
    /// <summary>No atomic way: close-on-exec is always set after creation.</summary>
    None,
    /// <summary><c>O_CLOEXEC</c> in open, openat, mkostemp's and posix_openpt's flags.</summary>
    OpenFlag,
    /// <summary><c>SOCK_CLOEXEC</c> in socket's or socketpair's type.</summary>
    SocketFlag,
    /// <summary><c>pipe2(fds, O_CLOEXEC)</c>.</summary>
    Pipe2,
    /// <summary><c>dup3(old, new, O_CLOEXEC)</c>.</summary>
    Dup3,
    /// <summary><c>accept4(fd, addr, len, SOCK_CLOEXEC)</c>.</summary>
    Accept4,
    /// <summary><c>fcntl(fd, F_DUPFD_CLOEXEC, 0)</c>.</summary>
    DupFdCloexec,
    /// <summary><c>mkostemp(template, O_CLOEXEC)</c>.</summary>
    Mkostemp,
    /// <summary><c>epoll_create1(EPOLL_CLOEXEC)</c>.</summary>
    EPollCreate1,
    /// <summary><c>EFD_CLOEXEC</c> in eventfd's flags.</summary>
    EventFdFlag,
    /// <summary><c>inotify_init1(IN_CLOEXEC)</c>.</summary>
    InotifyInit1,
    /// <summary><c>MFD_CLOEXEC</c> in memfd_create's flags.</summary>
    MemFdFlag,
    /// <summary><c>TFD_CLOEXEC</c> in timerfd_create's flags.</summary>
    TimerFdFlag,
    /// <summary><c>SFD_CLOEXEC</c> in signalfd's flags.</summary>
    SignalFdFlag,
    /// <summary><c>MSG_CMSG_CLOEXEC</c> in recvmsg's flags.</summary>
    ReceiveMessageFlag,
    /// <summary><c>_O_NOINHERIT</c> in the CRT's _open, _wopen or _pipe flags (Windows).</summary>
    NoInheritFlag,
    /// <summary><c>WSA_FLAG_NO_HANDLE_INHERIT</c> in WSASocket's dwFlags (Windows).</summary>
    WsaNoHandleInheritFlag,
    /// <summary><c>SECURITY_ATTRIBUTES.bInheritHandle</c> FALSE: CreateFileW, CreatePipe (Windows).</summary>
    SecurityAttributesInherit,
    /// <summary>DuplicateHandle's <c>bInheritHandle</c> FALSE (Windows).</summary>
    InheritHandleArgument,
    /// <summary><c>FAN_CLOEXEC</c> in fanotify_init's flags.</summary>
    FanotifyFlag,
    /// <summary><c>PERF_FLAG_FD_CLOEXEC</c> in perf_event_open's flags.</summary>
    PerfEventFlag,
    /// <summary><c>FSOPEN_CLOEXEC</c>, <c>FSPICK_CLOEXEC</c> or <c>FSMOUNT_CLOEXEC</c>.</summary>
    MountFlag,
    /// <summary><c>'e'</c> in fopen's, freopen's or popen's mode string.</summary>
    ModeStringE,
    /// <summary><c>kqueuex(KQUEUE_CLOEXEC)</c> (FreeBSD).</summary>
    Kqueuex,
}
