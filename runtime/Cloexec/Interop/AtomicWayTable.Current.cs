using Cloexec.Platform;

namespace Cloexec.Interop;

// Apart from the table (knowledge/Cloexec.Knowledge), which has no OS call in it and also compiles into the generator.
internal static partial class AtomicWayTable
{
    /// <summary>Whether <paramref name="errno"/> from an atomic call says the kernel lacks the way rather than the caller erred.</summary>
    internal static bool IsRefusal(AtomicWay way, int errno) => RefusalOf(way) switch
    {
        Refusal.InvalidArgument => errno == PlatformValues.EInval,
        Refusal.NoSuchCall => errno == PlatformValues.Current?.ENoSys,
        _ => false,
    };
}
