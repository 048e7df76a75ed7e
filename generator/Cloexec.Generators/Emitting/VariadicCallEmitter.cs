using System.Collections.Generic;
using System.Linq;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Emitting;

/// <summary>
/// Writes a variadic sibling in two forms, the Apple arm64 one passing its variadic arguments on the stack after the
/// argument registers, and the local function that picks one at run time.
/// </summary>
internal static class VariadicCallEmitter
{
    public const string OnStack = RuntimeNames.AtomicFunctions + ".VariadicArgumentsOnStack";

    public static void WriteImports(CodeWriter writer, WrapperModel model, ImportPlan import, SiblingCall sibling, VariadicLayout variadic)
    {
        string name = sibling.LocalName;
        string[] arguments = ImportEmitter.SiblingArguments(sibling);
        ImportEmitter.WriteImport(writer, model, import, sibling.EntryPoint, name + "_registers", ImportEmitter.SiblingParameters(sibling));
        writer.Line();
        ImportEmitter.WriteImport(writer, model, import, sibling.EntryPoint, name + "_stack", StackTypes(sibling, variadic).Select((type, i) => $"{type} __arg{i}"));
        writer.Line();
        writer.Line($"// {sibling.EntryPoint} is variadic from argument {variadic.FixedCount}: on Apple arm64 those go on the stack, after the eight argument registers.");
        writer.Line($"static unsafe {model.Return.NativeType} {name}({string.Join(", ", ImportEmitter.SiblingParameters(sibling))}) => {OnStack} ? {name}_stack({StackArguments(sibling, variadic)}) : {name}_registers({string.Join(", ", arguments)});");
    }

    /// <summary>On the stack: the fixed arguments, then an nint for each argument register left, then each variadic argument as an nint.</summary>
    public static IEnumerable<string> StackTypes(SiblingCall sibling, VariadicLayout variadic) =>
        sibling.ArgumentTypes.Take(variadic.FixedCount)
            .Concat(Enumerable.Repeat("nint", variadic.UnusedRegisters))
            .Concat(sibling.ArgumentTypes.Skip(variadic.FixedCount).Select(_ => "nint"));

    /// <summary>The arguments of the stack form: zeros fill the argument registers left.</summary>
    public static string StackArguments(SiblingCall sibling, VariadicLayout variadic)
    {
        string[] arguments = ImportEmitter.SiblingArguments(sibling);
        return string.Join(", ", arguments.Take(variadic.FixedCount)
            .Concat(Enumerable.Repeat("0", variadic.UnusedRegisters))
            .Concat(arguments.Skip(variadic.FixedCount).Select(a => $"(nint){a}")));
    }
}
