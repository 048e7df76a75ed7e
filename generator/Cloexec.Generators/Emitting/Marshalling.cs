using Cloexec.Generators.Model;

namespace Cloexec.Generators.Emitting;

/// <summary>
/// The statements that carry one parameter across, in LibraryImport's stages: declare, marshal in, pin,
/// pass, clean up. Built on the public marshallers of System.Runtime.InteropServices.Marshalling.
/// </summary>
internal static class Marshalling
{
    private const string MarshallingNamespace = "global::System.Runtime.InteropServices.Marshalling.";
    private const string StringBuilderBuffer = "global::Cloexec.Interop.StringBuilderBuffer";
    private const string IsWindows = "global::System.OperatingSystem.IsWindows()";

    /// <summary>The local of the native value: the planner chose it so that no parameter has its name, nor that name with <c>__marshaller</c>.</summary>
    public static string NativeName(ParameterModel parameter) => parameter.NativeName;

    private static string MarshallerName(ParameterModel parameter) => NativeName(parameter) + "__marshaller";

    /// <summary>Locals that the finally block must see.</summary>
    public static string? Declaration(ParameterModel parameter) => parameter.Kind switch
    {
        MarshalKind.Utf8String or MarshalKind.AnsiString => $"scoped {StringMarshaller(parameter)}.ManagedToUnmanagedIn {MarshallerName(parameter)} = new();",
        MarshalKind.PlatformString or MarshalKind.StringBuilder => $"{parameter.NativeType} {NativeName(parameter)} = default;",
        MarshalKind.SafeHandle => $"{MarshallingNamespace}SafeHandleMarshaller<{parameter.ManagedType}>.ManagedToUnmanagedIn {MarshallerName(parameter)} = new();",
        MarshalKind.CustomString => $"{parameter.NativeType} {NativeName(parameter)} = default;",
        _ => null,
    };

    /// <summary>Statements that turn the managed value into the native one.</summary>
    public static string[] MarshalIn(ParameterModel parameter) => parameter.Kind switch
    {
        MarshalKind.Utf8String or MarshalKind.AnsiString =>
        [
            $"{MarshallerName(parameter)}.FromManaged({parameter.Name}, stackalloc byte[{StringMarshaller(parameter)}.ManagedToUnmanagedIn.BufferSize]);",
            $"byte* {NativeName(parameter)} = {MarshallerName(parameter)}.ToUnmanaged();",
        ],
        MarshalKind.PlatformString =>
        [
            $"{NativeName(parameter)} = {IsWindows} ? (void*){MarshallingNamespace}Utf16StringMarshaller.ConvertToUnmanaged({parameter.Name}) : {MarshallingNamespace}Utf8StringMarshaller.ConvertToUnmanaged({parameter.Name});",
        ],
        MarshalKind.StringBuilder =>
        [
            $"{NativeName(parameter)} = {StringBuilderBuffer}.To{parameter.Encoding}({parameter.Name}, copyIn: {(parameter.CopiedIn ? "true" : "false")});",
        ],
        MarshalKind.SafeHandle =>
        [
            $"{MarshallerName(parameter)}.FromManaged({parameter.Name});",
            $"nint {NativeName(parameter)} = {MarshallerName(parameter)}.ToUnmanaged();",
        ],
        MarshalKind.CustomString =>
        [
            $"{NativeName(parameter)} = {parameter.Marshaller}.ConvertToUnmanaged({parameter.Name});",
        ],
        MarshalKind.ByReference when parameter.Direction == ParameterDirection.Out =>
        [
            $"global::System.Runtime.CompilerServices.Unsafe.SkipInit(out {parameter.Name});",
        ],
        _ => [],
    };

    /// <summary>The <c>fixed</c> statement that pins the value for the call, if it needs one.</summary>
    public static string? Pin(ParameterModel parameter) => parameter.Kind switch
    {
        MarshalKind.Utf16String => $"fixed (char* {NativeName(parameter)} = {parameter.Name})",
        MarshalKind.Span => $"fixed ({parameter.NativeType} {NativeName(parameter)} = &global::System.Runtime.InteropServices.MemoryMarshal.GetReference({parameter.Name}))",
        MarshalKind.Array => $"fixed ({parameter.NativeType} {NativeName(parameter)} = {parameter.Name})",
        MarshalKind.ByReference => $"fixed ({parameter.NativeType} {NativeName(parameter)} = &{parameter.Name})",
        _ => null,
    };

    /// <summary>What the native call receives.</summary>
    public static string NativeValue(ParameterModel parameter) => parameter.Kind switch
    {
        MarshalKind.BoolAsInt => $"({parameter.Name} ? 1 : 0)",
        MarshalKind.BoolAsByte => $"(byte)({parameter.Name} ? 1 : 0)",
        MarshalKind.Utf16String => $"(ushort*){NativeName(parameter)}",
        MarshalKind.Blittable => parameter.Name,
        MarshalKind.StructAddress => "&" + parameter.Name,
        MarshalKind.Typedef => $"global::System.Runtime.CompilerServices.Unsafe.BitCast<{parameter.ManagedType}, {parameter.NativeType}>({parameter.Name})",
        _ => NativeName(parameter),
    };

    /// <summary>Statements for the finally block.</summary>
    public static string? Cleanup(ParameterModel parameter) => parameter.Kind switch
    {
        MarshalKind.Utf8String or MarshalKind.AnsiString or MarshalKind.SafeHandle => $"{MarshallerName(parameter)}.Free();",
        // Utf8StringMarshaller and Utf16StringMarshaller both allocate with AllocCoTaskMem: one Free for either.
        MarshalKind.PlatformString => $"global::System.Runtime.InteropServices.Marshal.FreeCoTaskMem((nint){NativeName(parameter)});",
        MarshalKind.StringBuilder => $"{StringBuilderBuffer}.Free({NativeName(parameter)});",
        MarshalKind.CustomString when parameter.MarshallerFrees => $"{parameter.Marshaller}.Free({NativeName(parameter)});",
        _ => null,
    };

    /// <summary>Statements after the call that carry what native code wrote back into the managed value.</summary>
    public static string? CopyBack(ParameterModel parameter) => parameter.Kind switch
    {
        MarshalKind.StringBuilder when parameter.CopiedOut => $"{StringBuilderBuffer}.From{parameter.Encoding}({parameter.Name}, {NativeName(parameter)});",
        _ => null,
    };

    private static string StringMarshaller(ParameterModel parameter) =>
        MarshallingNamespace + (parameter.Kind == MarshalKind.AnsiString ? "AnsiStringMarshaller" : "Utf8StringMarshaller");
}
