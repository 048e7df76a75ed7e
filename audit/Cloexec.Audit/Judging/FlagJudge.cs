using System.Globalization;
using Cloexec.Analyzers.Knowledge;
using Cloexec.Audit.Il;
using Cloexec.Audit.Metadata;
using Cloexec.Generators.Knowledge;

namespace Cloexec.Audit.Judging;

/// <summary>Judges the value a call passes where the creator takes its close-on-exec choice, by the table's placement.</summary>
internal static class FlagJudge
{
    /// <summary>The value at the creator's flag argument, or unknown when the call has fewer arguments.</summary>
    public static StackValue FlagValue(CreatorImport import, System.Collections.Generic.IReadOnlyList<StackValue> arguments) =>
        import.Creator.FlagArgument >= 0 && import.Creator.FlagArgument < arguments.Count ? arguments[import.Creator.FlagArgument] : StackValue.Unknown;

    public static Judgement Judge(CreatorImport import, StackValue value)
    {
        EntryPointInfo creator = import.Creator;
        switch (creator.Placement)
        {
            case FlagPlacement.AlwaysCloexec:
                return new(Verdict.Safe, creator.Name + " always creates close-on-exec");
            case FlagPlacement.Sibling or FlagPlacement.AfterCreation:
                return new(Verdict.Leaks, creator.Name + " has no close-on-exec flag: its descriptors are always inheritable");
            case FlagPlacement.InheritBool:
                return Constant(value, bits => bits == 0, "bInheritHandle FALSE",
                    "bInheritHandle TRUE: inheritable as the call states, for a child meant to get it", Verdict.InheritableOnPurpose);
            case FlagPlacement.StructCopy or FlagPlacement.NestedStructCopy:
                return value.Kind == ValueKind.Constant && value.Bits == 0
                    ? new(Verdict.Safe, "no SECURITY_ATTRIBUTES: the handle is not inheritable")
                    : value.Kind == ValueKind.Parameter ? CallersChoice(value) : new(Verdict.Undetermined, "a SECURITY_ATTRIBUTES the audit does not read");
            case FlagPlacement.ModeString:
                return value.Kind switch
                {
                    ValueKind.Text when value.Text!.Contains('e') => new(Verdict.Safe, $"mode \"{value.Text}\" has 'e'"),
                    ValueKind.Text => new(Verdict.Leaks, $"mode \"{value.Text}\" lacks 'e'"),
                    ValueKind.Parameter => CallersChoice(value),
                    _ => new(Verdict.Undetermined, "a mode string the audit does not follow"),
                };
        }

        if (import.HasNoFlagOnItsOs)
        {
            return new(Verdict.Leaks, creator.Name + " from " + import.Library + ": macOS has no SOCK_CLOEXEC");
        }

        if (Bit(creator) is not { } bit)
        {
            return new(Verdict.Undetermined, "no close-on-exec bit known for " + creator.Flag);
        }

        return value.Kind switch
        {
            ValueKind.Parameter when (value.Bits & bit.Value) != 0 => new(Verdict.Safe, bit.Name + " or-ed into the caller's flags"),
            ValueKind.Parameter => CallersChoice(value),
            _ => Constant(value, bits => (bits & bit.Value) != 0, "with " + bit.Name, "without " + bit.Name),
        };
    }

    /// <param name="otherwise">What a constant that is not safe is: a leak, or an inheritance the call asks for.</param>
    private static Judgement Constant(StackValue value, System.Func<long, bool> isSafe, string safe, string notSafe, Verdict otherwise = Verdict.Leaks) => value.Kind switch
    {
        ValueKind.Constant => isSafe(value.Bits)
            ? new(Verdict.Safe, "constant " + Hex(value.Bits) + ", " + safe)
            : new(otherwise, "constant " + Hex(value.Bits) + ", " + notSafe),
        ValueKind.Parameter => CallersChoice(value),
        _ => new(Verdict.Undetermined, "flags computed where the audit does not follow"),
    };

    private static Judgement CallersChoice(StackValue value) => new(Verdict.CallersChoice, "flags from parameter " + value.Parameter, value.Parameter);

    private static string Hex(long value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>
    /// The bit that makes a constant safe, from the shared family table: Linux's for the Unix families (as the
    /// analyzer), Windows' own for a Windows import.
    /// </summary>
    private static CloexecBit? Bit(EntryPointInfo creator) =>
        creator.Platform == NativePlatform.Windows
            ? FlagFamilyTable.Of(creator.Flag) is { CNames.Length: > 0 } row && FlagFamilyTable.ValueOn(creator.Flag, null, windows: true) is not 0 and int value
                ? new CloexecBit(row.CNames[0], value)
                : null
            : LinuxCloexecFlags.Of(creator.Flag.ToString());
}
