using System.Linq;
using Cloexec.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Parsing;

/// <summary>
/// Decides how each parameter or return value is marshalled, the way [LibraryImport] would for the same declaration,
/// or [DllImport] where it is in that style (CharSet set); strings and StringBuilders are <see cref="TextClassifier"/>'s.
/// </summary>
internal static class ParameterClassifier
{
    // System.Runtime.InteropServices.StringMarshalling members.
    internal const int StringMarshallingCustom = 0;
    internal const int StringMarshallingUtf8 = 1;
    internal const int StringMarshallingUtf16 = 2;

    /// <summary>What every refusal can fall back on: the raw import marshals anything, and the wrapper calls it.</summary>
    internal const string WrapsAdvice = "declare the raw function with [LibraryImport] or [DllImport] and point Wraps at it";

    /// <summary>
    /// A marshalling decision, or why none could be made: <see cref="Unsupported"/> then completes CLOEXEC0006's sentence
    /// after the type, and says what to write.
    /// </summary>
    internal readonly record struct Classification(
        MarshalKind Kind,
        string NativeType,
        string? Unsupported,
        string? Marshaller = null,
        bool MarshallerFrees = false,
        TextEncoding Encoding = TextEncoding.Utf8,
        bool CopiedIn = true,
        bool CopiedOut = true);

    public static Classification Classify(IParameterSymbol parameter, AttributeSettings settings)
    {
        ITypeSymbol type = parameter.Type;
        string? unmanagedType = MarshalAsReader.UnmanagedTypeOf(parameter);
        if (unmanagedType == MarshalAsReader.CustomMarshaler)
        {
            return Unsupported(", marshalled by an ICustomMarshaler (UnmanagedType.CustomMarshaler), which runs only inside [DllImport]: declare the raw function with [DllImport] as it was and point Wraps at it");
        }

        if (InteropTypes.IsStringBuilder(type))
        {
            return TextClassifier.ClassifyStringBuilder(parameter, unmanagedType, settings);
        }

        if (parameter.RefKind != RefKind.None)
        {
            return IsBlittable(type)
                ? new(MarshalKind.ByReference, TypeNames.FullyQualified(type) + "*", null)
                : Unsupported(", passed by reference, which the generator does only for blittable types: " + WrapsAdvice);
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
                return ClassifyBool(unmanagedType, settings);
            case SpecialType.System_String:
                return TextClassifier.ClassifyString(unmanagedType, settings);
        }

        if (InteropTypes.IsSafeHandle(type))
        {
            return type.IsAbstract
                ? Unsupported(", an abstract SafeHandle, which the generator does not marshal: declare the parameter as a concrete SafeHandle type, or " + WrapsAdvice)
                : new(MarshalKind.SafeHandle, "nint", null);
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array && IsBlittable(array.ElementType))
        {
            // Pinned, as [DllImport] pins a blittable array: with [In], [Out] or both, the callee reads and writes the array itself.
            return new(MarshalKind.Array, TypeNames.FullyQualified(array.ElementType) + "*", null);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } named
            && TypeNames.HasQualifiedName(named.ContainingNamespace, "System")
            && (named.Name == "Span" || named.Name == "ReadOnlySpan")
            && IsBlittable(named.TypeArguments[0]))
        {
            return new(MarshalKind.Span, TypeNames.FullyQualified(named.TypeArguments[0]) + "*", null);
        }

        if (TypedefUnderlying(type) is { } integer)
        {
            return new(MarshalKind.Typedef, TypeNames.FullyQualified(integer), null);
        }

        return IsBlittable(type)
            ? new(MarshalKind.Blittable, TypeNames.FullyQualified(type), null)
            : Unsupported(", which the generator does not marshal: " + WrapsAdvice);
    }

    /// <summary>
    /// Whether the method returns <c>bool</c> as a Win32 BOOL: <c>[return: MarshalAs(UnmanagedType.Bool)]</c>, or no
    /// [MarshalAs] in a declaration of [DllImport]'s style (CharSet set). Through Wraps the raw method has already made
    /// its bool of what the function returned (a plain bool of a [DllImport] is a BOOL), so any bool is.
    /// </summary>
    public static bool ReturnsBoolAsInt(IMethodSymbol method, AttributeSettings settings)
    {
        if (method.ReturnType.SpecialType != SpecialType.System_Boolean)
        {
            return false;
        }

        if (settings.Wraps is not null)
        {
            return true;
        }

        string? unmanagedType = MarshalAsReader.UnmanagedTypeOf(method.GetReturnTypeAttributes());
        return unmanagedType == MarshalAsReader.Bool || (unmanagedType is null && settings.CharSet is not null);
    }

    internal static Classification Unsupported(string why) => new(MarshalKind.Blittable, string.Empty, why);

    /// <summary>
    /// A bool has no native size of its own: [MarshalAs] gives it, or a declaration in [DllImport]'s style (CharSet set),
    /// where a bool without one is a 4-byte BOOL.
    /// </summary>
    private static Classification ClassifyBool(string? unmanagedType, AttributeSettings settings) => unmanagedType switch
    {
        MarshalAsReader.Bool => new(MarshalKind.BoolAsInt, "int", null),
        MarshalAsReader.U1 or MarshalAsReader.I1 => new(MarshalKind.BoolAsByte, "byte", null),
        null when settings.CharSet is not null => new(MarshalKind.BoolAsInt, "int", null),
        null => Unsupported(", which needs its native size: [MarshalAs(UnmanagedType.Bool)] for a C int or a Win32 BOOL (what [DllImport] passes), [MarshalAs(UnmanagedType.U1)] for a C bool"),
        _ => Unsupported($", and [MarshalAs(UnmanagedType.{unmanagedType})] is not generated for it: use UnmanagedType.Bool (a C int or a Win32 BOOL) or U1 (a C bool), or {WrapsAdvice}"),
    };

    /// <summary>
    /// Integers, enums, pointers and unmanaged structs cross as they are; bool and char never do, nor a struct with a
    /// bool or char field anywhere inside (a BOOL, an ANSI char natively: SECURITY_ATTRIBUTES with a bool bInheritHandle).
    /// </summary>
    public static bool IsBlittable(ITypeSymbol type) =>
        type.IsUnmanagedType
        && type.SpecialType is not (SpecialType.System_Boolean or SpecialType.System_Char)
        && type is not INamedTypeSymbol { IsGenericType: true, IsValueType: true, Name: "Nullable" }
        && !HasMarshalledField(type);

    private static bool HasMarshalledField(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None } named
        && named.GetMembers().OfType<IFieldSymbol>().Any(field => !field.IsStatic
            && (field.Type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char || HasMarshalledField(field.Type)));

    /// <summary>
    /// The integer inside a typedef-like struct (C's <c>mode_t</c> or <c>ssize_t</c> as bindings declare them: a struct
    /// whose one instance field is an integer), else null. Such a struct has the integer's size and layout, so it crosses
    /// as that integer: also where a struct could not go, as a variadic argument or as a result the wrapper reads.
    /// </summary>
    public static ITypeSymbol? TypedefUnderlying(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Struct, IsGenericType: false } named || named.SpecialType != SpecialType.None)
        {
            return null;
        }

        IFieldSymbol[] fields = named.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic).ToArray();
        return fields.Length == 1 && fields[0].Type.SpecialType is SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_IntPtr or SpecialType.System_UIntPtr
            ? fields[0].Type
            : null;
    }

    /// <summary>A parameter that can take the flag: passed by value, of a flags type.</summary>
    public static bool IsFlagsParameter(IParameterSymbol parameter) => parameter.RefKind == RefKind.None && IsFlagsType(parameter.Type);

    /// <summary>Types a flags argument may have: int, uint, or an enum over one of them.</summary>
    public static bool IsFlagsType(ITypeSymbol type)
    {
        ITypeSymbol underlying = type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } enumType } ? enumType : type;
        return underlying.SpecialType is SpecialType.System_Int32 or SpecialType.System_UInt32;
    }

    /// <summary>The 64-bit integers a C <c>long</c> flags argument may also be declared as: nint, nuint, long, ulong.</summary>
    public static bool IsWideFlagsType(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr or SpecialType.System_Int64 or SpecialType.System_UInt64;
}
