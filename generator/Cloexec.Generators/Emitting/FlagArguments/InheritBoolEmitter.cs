using Cloexec.Generators.Model;

namespace Cloexec.Generators.Emitting.FlagArguments;

/// <summary>A BOOL that is TRUE for an inheritable handle (Planning/InheritBoolPlanner).</summary>
internal static class InheritBoolEmitter
{
    public static string Value(FlagArgumentPlan flag, string value, LocalNames locals) => flag.Width switch
    {
        FlagValueWidth.Bool => $"({RuntimeNames.Runtime}.ApplyInheritArgument({value} ? 1 : 0, {locals.Mode}) != 0)",
        FlagValueWidth.Int32 => $"{RuntimeNames.Runtime}.ApplyInheritArgument({value}, {locals.Mode})",
        _ => $"unchecked(({flag.ValueType}){RuntimeNames.Runtime}.ApplyInheritArgument(unchecked((int){value}), {locals.Mode}))",
    };
}
