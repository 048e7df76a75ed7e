using Cloexec.Generators.Model;

namespace Cloexec.Generators.Emitting.FlagArguments;

/// <summary>openat2's struct open_how, passed as the wrapper's copy (Planning/StructCopyPlanner).</summary>
internal static class OpenHowCopyEmitter
{
    public static void WriteLocals(CodeWriter writer, LocalNames locals)
    {
        writer.Line("// The caller's struct open_how is never written: the call gets this copy, with O_CLOEXEC in its flags.");
        writer.Line($"global::Cloexec.Interop.OpenHowStorage {locals.OpenHow};");
    }

    /// <param name="size">openat2(dirfd, path, how, size): the struct's size, the argument after it.</param>
    public static string Value(FlagArgumentPlan flag, string value, string size, LocalNames locals) =>
        $"({flag.ValueType}){RuntimeNames.Runtime}.ApplyOpenHow((void*){value}, (nuint){size}, &{locals.OpenHow}, {locals.Mode}, {locals.Atomic})";
}
