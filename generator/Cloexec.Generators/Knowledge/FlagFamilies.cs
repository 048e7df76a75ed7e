using System.Collections.Generic;

namespace Cloexec.Generators.Knowledge;

/// <summary>What a flag family means for a declaration that names it itself (<c>FlagsParameter</c> and <c>Flag</c>).</summary>
internal static class FlagFamilies
{
    /// <summary>The atomic way a user-declared flags argument of each family takes.</summary>
    private static readonly Dictionary<CloexecFlag, AtomicWay> s_way = new()
    {
        [CloexecFlag.None] = AtomicWay.None,
        [CloexecFlag.Open] = AtomicWay.OpenFlag,
        [CloexecFlag.Socket] = AtomicWay.SocketFlag,
        [CloexecFlag.EPoll] = AtomicWay.EPollCreate1,
        [CloexecFlag.EventFd] = AtomicWay.EventFdFlag,
        [CloexecFlag.Inotify] = AtomicWay.InotifyInit1,
        [CloexecFlag.MemFd] = AtomicWay.MemFdFlag,
        [CloexecFlag.TimerFd] = AtomicWay.TimerFdFlag,
        [CloexecFlag.SignalFd] = AtomicWay.SignalFdFlag,
        [CloexecFlag.ReceiveMessage] = AtomicWay.ReceiveMessageFlag,
        [CloexecFlag.NoInherit] = AtomicWay.NoInheritFlag,
        [CloexecFlag.WsaNoHandleInherit] = AtomicWay.WsaNoHandleInheritFlag,
        [CloexecFlag.SecurityAttributes] = AtomicWay.SecurityAttributesInherit,
        [CloexecFlag.InheritHandleArgument] = AtomicWay.InheritHandleArgument,
        [CloexecFlag.Fanotify] = AtomicWay.FanotifyFlag,
        [CloexecFlag.PerfEvent] = AtomicWay.PerfEventFlag,
        [CloexecFlag.Mount] = AtomicWay.MountFlag,
        [CloexecFlag.ModeString] = AtomicWay.ModeStringE,
        [CloexecFlag.Kqueue] = AtomicWay.Kqueuex,
    };

    /// <summary>The families whose argument is not a bit field of 32 bits.</summary>
    private static readonly Dictionary<CloexecFlag, FlagPlacement> s_placement = new()
    {
        [CloexecFlag.None] = FlagPlacement.AfterCreation,
        [CloexecFlag.SecurityAttributes] = FlagPlacement.StructCopy,
        [CloexecFlag.InheritHandleArgument] = FlagPlacement.InheritBool,
        [CloexecFlag.ModeString] = FlagPlacement.ModeString,
        [CloexecFlag.PerfEvent] = FlagPlacement.WideBits,
    };

    public static AtomicWay? WayOf(CloexecFlag flag) => s_way.TryGetValue(flag, out AtomicWay way) ? way : null;

    public static FlagPlacement PlacementOf(CloexecFlag flag) => s_placement.TryGetValue(flag, out FlagPlacement placement) ? placement : FlagPlacement.Bits;

    /// <summary>The family a <c>Flag = CloexecFlag.X</c> names, <see langword="null"/> for a member this generator does not know.</summary>
    public static CloexecFlag? Parse(string? name) =>
        name is not null && System.Enum.TryParse(name, out CloexecFlag flag) && System.Enum.IsDefined(typeof(CloexecFlag), flag) ? flag : null;
}
