using Cloexec.Generators.Model;

namespace Cloexec.Generators.Emitting.FlagArguments;

/// <summary>A stdio mode string, passed as a copy with <c>e</c> added or removed (Planning/ModeStringPlanner).</summary>
internal static class ModeStringEmitter
{
    public static string Value(string value, LocalNames locals) =>
        $"{RuntimeNames.Runtime}.ApplyModeString({value}, {locals.Mode}, {locals.Atomic})";
}
