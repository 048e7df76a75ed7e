using System;
using Cloexec.Platform;

namespace Cloexec.Analyzers.Knowledge;

/// <summary>A flag family's close-on-exec bit on Linux, and the name C code gives it.</summary>
internal sealed record CloexecBit(string Name, int Value);

/// <summary>
/// The Linux close-on-exec bit of each <c>CloexecFlag</c> family, to recognise it in a constant argument: the family's
/// row of the shared FlagFamilyTable, its value in the runtime's own PlatformValues.Linux.
/// </summary>
internal static class LinuxCloexecFlags
{
    public static CloexecBit? Of(string family) =>
        Enum.TryParse(family, out CloexecFlag flag) && FlagFamilyTable.Of(flag) is { CNames.Length: > 0 } row
        && FlagFamilyTable.ValueOn(flag, PlatformValues.Linux, windows: false) is not 0 and int value
            ? new CloexecBit(row.CNames[0], value)
            : null;
}
