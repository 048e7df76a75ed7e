using System;
using System.ComponentModel;
using Cloexec.Platform;

namespace Cloexec.Interop;

/// <summary>
/// The value of each <see cref="CloexecFlag"/> family on this platform, 0 where it has none.
/// Generated code names these instead of pasting numbers.
/// </summary>
/// <remarks>
/// Static readonly fields: the JIT treats them as constants once the type is initialized. A family's property has the
/// family's name (FlagFamily.ValueProperty); its value is the family's row of FlagFamilyTable on this platform.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CloexecFlagValues
{
    private static readonly PlatformValues? s_platform = PlatformValues.Current;
    private static readonly int s_open = Here(CloexecFlag.Open);
    private static readonly int s_socket = Here(CloexecFlag.Socket);
    private static readonly int s_epoll = Here(CloexecFlag.EPoll);
    private static readonly int s_eventFd = Here(CloexecFlag.EventFd);
    private static readonly int s_inotify = Here(CloexecFlag.Inotify);
    private static readonly int s_memFd = Here(CloexecFlag.MemFd);
    private static readonly int s_timerFd = Here(CloexecFlag.TimerFd);
    private static readonly int s_signalFd = Here(CloexecFlag.SignalFd);
    private static readonly int s_receiveMessage = Here(CloexecFlag.ReceiveMessage);
    private static readonly int s_fanotify = Here(CloexecFlag.Fanotify);
    private static readonly int s_perfEvent = Here(CloexecFlag.PerfEvent);
    private static readonly int s_mount = Here(CloexecFlag.Mount);
    private static readonly int s_kqueue = Here(CloexecFlag.Kqueue);
    private static readonly int s_noInherit = Here(CloexecFlag.NoInherit);
    private static readonly int s_wsaNoHandleInherit = Here(CloexecFlag.WsaNoHandleInherit);
    private static readonly int s_dupFdCloexec = s_platform?.FDupFdCloexec ?? 0;
    private static readonly int s_creatFlags = s_platform?.CreatFlags ?? 0;
    private static readonly int s_getptFlags = s_platform?.GetptFlags ?? 0;
    private static readonly int[] s_byFamily = ByFamily();

    /// <summary>The flag of <see cref="CloexecFlag.Open"/>.</summary>
    public static int Open => s_open;

    /// <summary>The flag of <see cref="CloexecFlag.Socket"/>.</summary>
    public static int Socket => s_socket;

    /// <summary>The flag of <see cref="CloexecFlag.EPoll"/>.</summary>
    public static int EPoll => s_epoll;

    /// <summary>The flag of <see cref="CloexecFlag.EventFd"/>.</summary>
    public static int EventFd => s_eventFd;

    /// <summary>The flag of <see cref="CloexecFlag.Inotify"/>.</summary>
    public static int Inotify => s_inotify;

    /// <summary>The flag of <see cref="CloexecFlag.MemFd"/>.</summary>
    public static int MemFd => s_memFd;

    /// <summary>The flag of <see cref="CloexecFlag.TimerFd"/>.</summary>
    public static int TimerFd => s_timerFd;

    /// <summary>The flag of <see cref="CloexecFlag.SignalFd"/>.</summary>
    public static int SignalFd => s_signalFd;

    /// <summary>The flag of <see cref="CloexecFlag.ReceiveMessage"/>.</summary>
    public static int ReceiveMessage => s_receiveMessage;

    /// <summary>The flag of <see cref="CloexecFlag.Fanotify"/>.</summary>
    public static int Fanotify => s_fanotify;

    /// <summary>The flag of <see cref="CloexecFlag.PerfEvent"/>.</summary>
    public static int PerfEvent => s_perfEvent;

    /// <summary>The flag of <see cref="CloexecFlag.Mount"/>.</summary>
    public static int Mount => s_mount;

    /// <summary>The flag of <see cref="CloexecFlag.Kqueue"/>.</summary>
    public static int Kqueue => s_kqueue;

    /// <summary>The flag of <see cref="CloexecFlag.NoInherit"/>.</summary>
    public static int NoInherit => s_noInherit;

    /// <summary>The flag of <see cref="CloexecFlag.WsaNoHandleInherit"/>.</summary>
    public static int WsaNoHandleInherit => s_wsaNoHandleInherit;

    /// <summary>The fcntl command that upgrades <c>dup</c> (duplicate, close-on-exec).</summary>
    public static int DupFdCloexecCommand => s_dupFdCloexec;

    /// <summary><c>O_WRONLY | O_CREAT | O_TRUNC</c>, the open flags that <c>creat</c> implies.</summary>
    public static int CreatFlags => s_creatFlags;

    /// <summary><c>O_RDWR</c>, the open flags that glibc's <c>getpt</c> implies.</summary>
    public static int GetptFlags => s_getptFlags;

    /// <summary>The value of <paramref name="flag"/> on this platform; 0 for the families that are not bits.</summary>
    public static int Of(CloexecFlag flag) => (uint)flag < (uint)s_byFamily.Length ? s_byFamily[(int)flag] : 0;

    private static int Here(CloexecFlag family) => FlagFamilyTable.ValueOn(family, s_platform, OperatingSystem.IsWindows());

    private static int[] ByFamily()
    {
        var values = new int[FlagFamilyTable.Count];
        for (int family = 0; family < values.Length; family++)
        {
            values[family] = Here((CloexecFlag)family);
        }

        return values;
    }
}
