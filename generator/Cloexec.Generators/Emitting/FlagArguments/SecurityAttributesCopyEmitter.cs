using Cloexec.Generators.Model;

namespace Cloexec.Generators.Emitting.FlagArguments;

/// <summary>
/// A SECURITY_ATTRIBUTES pointer, and CreateFile2's parameters that point to one, passed as the wrapper's copies
/// (Planning/StructCopyPlanner, NestedStructCopyPlanner).
/// </summary>
internal static class SecurityAttributesCopyEmitter
{
    public static void WriteLocals(CodeWriter writer, LocalNames locals)
    {
        writer.Line("// The caller's SECURITY_ATTRIBUTES is never written: the call gets this copy, with bInheritHandle set.");
        writer.Line($"global::Cloexec.Interop.SecurityAttributes {locals.SecurityAttributes};");
    }

    /// <summary>The user's own struct or class, copied by the runtime before the call (Wraps over a raw method).</summary>
    public static void WriteValueCopyLocals(CodeWriter writer, FlagArgumentPlan flag, string value, LocalNames locals)
    {
        writer.Line("// The caller's SECURITY_ATTRIBUTES is never written: the call gets this copy of its type, with bInheritHandle set.");
        writer.Line($"{flag.ValueType} {locals.SecurityAttributes} = {RuntimeNames.Runtime}.CopySecurityAttributes({value}, {locals.Mode});");
    }

    public static void WriteNestedLocals(CodeWriter writer, LocalNames locals)
    {
        writer.Line("// Nor the caller's CREATEFILE2_EXTENDED_PARAMETERS: the call gets this copy, pointing to the one above.");
        writer.Line($"global::Cloexec.Interop.CreateFile2Parameters {locals.CreateFile2Parameters};");
    }

    public static string Value(FlagArgumentPlan flag, string value, LocalNames locals) =>
        $"({flag.ValueType}){RuntimeNames.Runtime}.ApplySecurityAttributes((void*){value}, &{locals.SecurityAttributes}, {locals.Mode})";

    public static string NestedValue(FlagArgumentPlan flag, string value, LocalNames locals) =>
        $"({flag.ValueType}){RuntimeNames.Runtime}.ApplyCreateFile2Parameters((void*){value}, &{locals.CreateFile2Parameters}, &{locals.SecurityAttributes}, {locals.Mode})";
}
