using System.Collections.Generic;
using Cloexec.Platform;

namespace Cloexec.Analyzers.Knowledge;

/// <summary>A flag family's close-on-exec bit on Linux, and the name C code gives it.</summary>
internal sealed record CloexecBit(string Name, int Value);

/// <summary>
/// The Linux close-on-exec bit of each <c>CloexecFlag</c> family, to recognise it in a constant argument: the values are
/// the runtime's own table (PlatformValues.cs, compiled in); only the C names are the analyzer's.
/// </summary>
internal static class LinuxCloexecFlags
{
    private static readonly Dictionary<string, CloexecBit> s_byFamily = new()
    {
        ["Open"] = new("O_CLOEXEC", PlatformValues.Linux.OCloexec),
        ["Socket"] = new("SOCK_CLOEXEC", PlatformValues.Linux.SockCloexec),
        ["EPoll"] = new("EPOLL_CLOEXEC", PlatformValues.Linux.EPollCloexec),
        ["EventFd"] = new("EFD_CLOEXEC", PlatformValues.Linux.EventFdCloexec),
        ["Inotify"] = new("IN_CLOEXEC", PlatformValues.Linux.InotifyCloexec),
        ["MemFd"] = new("MFD_CLOEXEC", PlatformValues.Linux.MemFdCloexec),
        ["TimerFd"] = new("TFD_CLOEXEC", PlatformValues.Linux.TimerFdCloexec),
        ["SignalFd"] = new("SFD_CLOEXEC", PlatformValues.Linux.SignalFdCloexec),
        ["ReceiveMessage"] = new("MSG_CMSG_CLOEXEC", PlatformValues.Linux.MsgCmsgCloexec),
        ["Fanotify"] = new("FAN_CLOEXEC", PlatformValues.Linux.FanCloexec),
        ["PerfEvent"] = new("PERF_FLAG_FD_CLOEXEC", PlatformValues.Linux.PerfFlagFdCloexec),
        ["Mount"] = new("FSOPEN_CLOEXEC", PlatformValues.Linux.MountCloexec),
    };

    public static CloexecBit? Of(string family) => s_byFamily.TryGetValue(family, out CloexecBit? bit) ? bit : null;
}
