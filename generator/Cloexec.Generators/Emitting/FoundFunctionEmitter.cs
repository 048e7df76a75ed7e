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
        string function = $"{RuntimeNames.AtomicFunctions}.Of({RuntimeNames.AtomicWay}.{plan.Way})";
        string Pointer(IEnumerable<string> argumentTypes) => $"((delegate* unmanaged<{string.Join(", ", argumentTypes.Concat([returnType]))}>){function})";
        string parameters = string.Join(", ", ImportEmitter.SiblingParameters(sibling));
        string registerArguments = string.Join(", ", ImportEmitter.SiblingArguments(sibling));
        writer.Line($"// {sibling.EntryPoint}, where the runtime found it in the C library: the wrapper never calls it where the library lacks it.");
        writer.Line("[global::System.Runtime.CompilerServices.MethodImplAttribute(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        if (sibling.Variadic is { } variadic)
        {
            writer.Line($"// Variadic from argument {variadic.FixedCount}: on Apple arm64 those go on the stack, after the eight argument registers.");
            writer.Line($"static unsafe {returnType} {sibling.LocalName}({parameters}) => {VariadicCallEmitter.OnStack}");
            writer.Line($"    ? {Pointer(VariadicCallEmitter.StackTypes(sibling, variadic))}({VariadicCallEmitter.StackArguments(sibling, variadic)})");
            writer.Line($"    : {Pointer(sibling.ArgumentTypes)}({registerArguments});");
            return;
        }

        writer.Line($"static unsafe {returnType} {sibling.LocalName}({parameters}) => {Pointer(sibling.ArgumentTypes)}({registerArguments});");
    }
}
