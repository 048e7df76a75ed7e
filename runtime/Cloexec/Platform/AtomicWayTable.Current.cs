using System;
using System.Runtime.InteropServices;
using Cloexec.Interop;

namespace Cloexec.Platform;

// Apart from the table so that the table, which has no OS call in it, also compiles into the generator.
internal static partial class AtomicWayTable
{
    /// <summary>Where variadic arguments go on the stack, not where a plain P/Invoke puts fixed ones.</summary>
    internal static bool IsAppleArm64 =>
        (OperatingSystem.IsMacOS() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsMacCatalyst())
        && RuntimeInformation.ProcessArchitecture == Architecture.Arm64;

    /// <summary>Whether <paramref name="errno"/> from an atomic call says the kernel lacks the way rather than the caller erred.</summary>
    internal static bool IsRefusal(AtomicWay way, int errno) => RefusalOf(way) switch
    {
        Refusal.InvalidArgument => errno == PlatformValues.EInval,
        Refusal.NoSuchCall => errno == PlatformValues.Current?.ENoSys,
        _ => false,
    };
}
