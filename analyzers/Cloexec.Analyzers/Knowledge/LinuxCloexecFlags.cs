using System.Collections.Generic;

namespace Cloexec.Analyzers.Knowledge;

/// <summary>A flag family's close-on-exec bit on Linux, and the name C code gives it.</summary>
internal sealed record CloexecBit(string Name, int Value);

/// <summary>
/// The Linux close-on-exec bit of each <c>CloexecFlag</c> family, to recognise it in a constant argument. The runtime's
/// PlatformValues.Linux is where generated code reads these; it targets net8.0+ and cannot be compiled into an
/// analyzer, so the few values the analyzer matches on are repeated here (checked by a test against the runtime).
/// </summary>
internal static class LinuxCloexecFlags
{
    private static readonly Dictionary<string, CloexecBit> s_byFamily = new()
    {
        ["Open"] = new("O_CLOEXEC", 0x80000),
        ["Socket"] = new("SOCK_CLOEXEC", 0x80000),
        ["EPoll"] = new("EPOLL_CLOEXEC", 0x80000),
        ["EventFd"] = new("EFD_CLOEXEC", 0x80000),
        ["Inotify"] = new("IN_CLOEXEC", 0x80000),
        ["MemFd"] = new("MFD_CLOEXEC", 0x1),
        ["TimerFd"] = new("TFD_CLOEXEC", 0x80000),
        ["SignalFd"] = new("SFD_CLOEXEC", 0x80000),
        ["ReceiveMessage"] = new("MSG_CMSG_CLOEXEC", 0x40000000),
    };

    public static CloexecBit? Of(string family) => s_byFamily.TryGetValue(family, out CloexecBit? bit) ? bit : null;
}
