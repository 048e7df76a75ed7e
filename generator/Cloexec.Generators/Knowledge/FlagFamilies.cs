namespace Cloexec.Generators.Knowledge;

/// <summary>
/// What a flag family means for a declaration that names it itself (<c>FlagsParameter</c> and <c>Flag</c>): its row
/// of the shared <see cref="FlagFamilyTable"/>.
/// </summary>
internal static class FlagFamilies
{
    /// <summary>The atomic way a user-declared flags argument of <paramref name="flag"/> takes.</summary>
    public static AtomicWay? WayOf(CloexecFlag flag) => FlagFamilyTable.Of(flag)?.Way.Way;

    /// <summary>Whether every call of <paramref name="flag"/>'s family states the inheritance it wants in an argument.</summary>
    public static bool CallerStatesInheritance(CloexecFlag flag) => FlagFamilyTable.Of(flag)?.CallerStatesInheritance ?? false;

    public static FlagPlacement PlacementOf(CloexecFlag flag) => FlagFamilyTable.Of(flag)?.Placement ?? FlagPlacement.Bits;

    /// <summary>The <c>CloexecFlagValues</c> property generated code reads <paramref name="flag"/>'s value from.</summary>
    public static string ValuePropertyOf(CloexecFlag flag) => FlagFamilyTable.Of(flag)?.ValueProperty ?? flag.ToString();

    /// <summary>The family a <c>Flag = CloexecFlag.X</c> names, <see langword="null"/> for a member this generator does not know.</summary>
    public static CloexecFlag? Parse(string? name) =>
        name is not null && System.Enum.TryParse(name, out CloexecFlag flag) && System.Enum.IsDefined(typeof(CloexecFlag), flag) ? flag : null;
}
