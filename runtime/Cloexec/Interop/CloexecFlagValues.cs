using System;
using System.ComponentModel;
using Cloexec.Platform;

namespace Cloexec.Interop;

/// <summary>
/// The value of each <see cref="CloexecFlag"/> family on this platform, 0 where it has none.
/// Generated code names these instead of pasting numbers.
/// </summary>
/// <remarks>Static readonly fields: the JIT treats them as constants once the type is initialized.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CloexecFlagValues
{
    private static readonly PlatformValues? s_platform = PlatformValues.Current;
    private static readonly int s_open = s_platform?.OCloexec ?? 0;
    private static readonly int s_socket = s_platform?.SockCloexec ?? 0;
    private static readonly int s_epoll = s_platform?.EPollCloexec ?? 0;
    private static readonly int s_eventFd = s_platform?.EventFdCloexec ?? 0;
    private static readonly int s_inotify = s_platform?.InotifyCloexec ?? 0;
    private static readonly int s_memFd = s_platform?.MemFdCloexec ?? 0;
    private static readonly int s_timerFd = s_platform?.TimerFdCloexec ?? 0;
    private static readonly int s_signalFd = s_platform?.SignalFdCloexec ?? 0;
    private static readonly int s_receiveMessage = s_platform?.MsgCmsgCloexec ?? 0;
    private static readonly int s_dupFdCloexec = s_platform?.FDupFdCloexec ?? 0;
    private static readonly int s_creatFlags = s_platform?.CreatFlags ?? 0;
    private static readonly int s_fanotify = s_platform?.FanCloexec ?? 0;
    private static readonly int s_perfEvent = s_platform?.PerfFlagFdCloexec ?? 0;
    private static readonly int s_mount = s_platform?.MountCloexec ?? 0;
    private static readonly int s_kqueue = s_platform?.KqueueCloexec ?? 0;
    private static readonly int s_getptFlags = s_platform?.GetptFlags ?? 0;
    private static readonly int s_noInherit = OperatingSystem.IsWindows() ? WindowsValues.ONoInherit : 0;
    private static readonly int s_wsaNoHandleInherit = OperatingSystem.IsWindows() ? WindowsValues.WsaFlagNoHandleInherit : 0;

    /// <summary><c>O_CLOEXEC</c>.</summary>
    public static int Open => s_open;

    /// <summary><c>SOCK_CLOEXEC</c>.</summary>
    public static int Socket => s_socket;

    /// <summary><c>EPOLL_CLOEXEC</c>.</summary>
    public static int EPoll => s_epoll;

    /// <summary><c>EFD_CLOEXEC</c>.</summary>
    public static int EventFd => s_eventFd;

    /// <summary><c>IN_CLOEXEC</c>.</summary>
    public static int Inotify => s_inotify;

    /// <summary><c>MFD_CLOEXEC</c>.</summary>
    public static int MemFd => s_memFd;

    /// <summary><c>TFD_CLOEXEC</c>.</summary>
    public static int TimerFd => s_timerFd;

    /// <summary><c>SFD_CLOEXEC</c>.</summary>
    public static int SignalFd => s_signalFd;

    /// <summary><c>MSG_CMSG_CLOEXEC</c>.</summary>
    public static int ReceiveMessage => s_receiveMessage;

    /// <summary><c>F_DUPFD_CLOEXEC</c>, the fcntl command that upgrades <c>dup</c>.</summary>
    public static int DupFdCloexecCommand => s_dupFdCloexec;

    /// <summary><c>O_WRONLY | O_CREAT | O_TRUNC</c>, the open flags that <c>creat</c> implies.</summary>
    public static int CreatFlags => s_creatFlags;

    /// <summary><c>FAN_CLOEXEC</c>.</summary>
    public static int Fanotify => s_fanotify;

    /// <summary><c>PERF_FLAG_FD_CLOEXEC</c>.</summary>
    public static int PerfEvent => s_perfEvent;

    /// <summary><c>FSOPEN_CLOEXEC</c>, <c>FSPICK_CLOEXEC</c>, <c>FSMOUNT_CLOEXEC</c>.</summary>
    public static int Mount => s_mount;

    /// <summary><c>KQUEUE_CLOEXEC</c> (FreeBSD).</summary>
    public static int Kqueue => s_kqueue;

    /// <summary><c>O_RDWR</c>, the open flags that glibc's <c>getpt</c> implies.</summary>
    public static int GetptFlags => s_getptFlags;

    /// <summary><c>_O_NOINHERIT</c> (Windows CRT).</summary>
    public static int NoInherit => s_noInherit;

    /// <summary><c>WSA_FLAG_NO_HANDLE_INHERIT</c> (Winsock).</summary>
    public static int WsaNoHandleInherit => s_wsaNoHandleInherit;

    /// <summary>The value of <paramref name="flag"/> on this platform; 0 for the Windows families that are not bits.</summary>
    public static int Of(CloexecFlag flag) => flag switch
    {
        CloexecFlag.Open => Open,
        CloexecFlag.Socket => Socket,
        CloexecFlag.EPoll => EPoll,
        CloexecFlag.EventFd => EventFd,
        CloexecFlag.Inotify => Inotify,
        CloexecFlag.MemFd => MemFd,
        CloexecFlag.TimerFd => TimerFd,
        CloexecFlag.SignalFd => SignalFd,
        CloexecFlag.ReceiveMessage => ReceiveMessage,
        CloexecFlag.NoInherit => NoInherit,
        CloexecFlag.WsaNoHandleInherit => WsaNoHandleInherit,
        CloexecFlag.Fanotify => Fanotify,
        CloexecFlag.PerfEvent => PerfEvent,
        CloexecFlag.Mount => Mount,
        CloexecFlag.Kqueue => Kqueue,
        _ => 0,
    };
}
