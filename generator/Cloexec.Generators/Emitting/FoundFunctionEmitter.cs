using System.Collections.Generic;
using System.Linq;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Emitting;

/// <summary>
/// Writes a sibling that is its way's own function as a call at the address the runtime found in the C library: the
/// wrapper never calls it where the library lacks it.
/// </summary>
internal static class FoundFunctionEmitter
{
    public static void Write(CodeWriter writer, WrapperModel model, CallPlan plan, SiblingCall sibling)
    {
        string returnType = model.Return.NativeType;
        string Pointer(IEnumerable<string> argumentTypes) => $"((delegate* unmanaged<{string.Join(", ", argumentTypes.Concat([returnType]))}>){Function})";
        string registerCall = $"{Pointer(sibling.ArgumentTypes)}({string.Join(", ", ImportEmitter.SiblingArguments(sibling))})";
        writer.Line($"// {sibling.EntryPoint}, where the runtime found it in the C library: the wrapper never calls it where the library lacks it.");
        if (sibling.Variadic is { } variadic)
        {
            writer.Line($"// Variadic from argument {variadic.FixedCount}: on Apple arm64 those go on the stack, after the eight argument registers.");
        }

        writer.Line("[global::System.Runtime.CompilerServices.MethodImplAttribute(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        writer.Open($"static unsafe {returnType} {sibling.LocalName}({string.Join(", ", ImportEmitter.SiblingParameters(sibling))})");
        writer.Line($"nint {Function} = {RuntimeNames.AtomicFunctions}.Of({RuntimeNames.AtomicWay}.{plan.Way});");
        writer.Line(sibling.Variadic is { } layout
            ? $"return {VariadicCallEmitter.OnStack} ? {Pointer(VariadicCallEmitter.StackTypes(sibling, layout))}({VariadicCallEmitter.StackArguments(sibling, layout)}) : {registerCall};"
            : $"return {registerCall};");
        writer.Close();
    }

    // A local of the static local function, whose parameters are __arg0...: it shadows nothing of the wrapper's.
    private const string Function = "__function";
}
