using System.Collections.Generic;
using System.Linq;
using Cloexec.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Cloexec.Generators.Emitting;

/// <summary>Writes the wrapper's own imports: <c>[DllImport]</c> local functions of the function and of its atomic sibling.</summary>
internal static class ImportEmitter
{
    public static void Write(CodeWriter writer, WrapperModel model, CallPlan plan, ImportPlan import)
    {
        writer.Line();
        WriteImport(writer, model, import, import.EntryPoint, plan.Invoke.Callee, model.Parameters.Select(p => $"{p.NativeType} {Marshalling.NativeName(p)}"));
        if (plan.Invoke.Sibling is not { } sibling)
        {
            return;
        }

        writer.Line();
        if (sibling.CallsFoundFunction)
        {
            FoundFunctionEmitter.Write(writer, model, plan, sibling);
        }
        else if (sibling.Variadic is { } variadic)
        {
            VariadicCallEmitter.WriteImports(writer, model, import, sibling, variadic);
        }
        else
        {
            WriteImport(writer, model, import, sibling.EntryPoint, sibling.LocalName, SiblingParameters(sibling));
        }
    }

    public static void WriteImport(CodeWriter writer, WrapperModel model, ImportPlan import, string entryPoint, string name, IEnumerable<string> parameters)
    {
        string library = SymbolDisplay.FormatLiteral(import.LibraryName, quote: true);
        string entry = SymbolDisplay.FormatLiteral(entryPoint, quote: true);
        writer.Line($"[global::System.Runtime.InteropServices.DllImportAttribute({library}, EntryPoint = {entry}, ExactSpelling = true)]");
        writer.Line($"static extern unsafe {model.Return.NativeType} {name}({string.Join(", ", parameters)});");
    }

    /// <summary>The sibling's parameters, <c>__arg0</c>...: its local function's own, which may shadow the wrapper's.</summary>
    public static string[] SiblingArguments(SiblingCall sibling) => sibling.ArgumentTypes.Select((_, i) => $"__arg{i}").ToArray();

    public static IEnumerable<string> SiblingParameters(SiblingCall sibling) =>
        sibling.ArgumentTypes.Zip(SiblingArguments(sibling), (type, name) => $"{type} {name}");
}
