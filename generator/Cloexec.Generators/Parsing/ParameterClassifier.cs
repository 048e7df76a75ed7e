using System.Linq;
using Cloexec.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Parsing;

/// <summary>Decides how each parameter or return value is marshalled, the way LibraryImport would for the same declaration.</summary>
internal static class ParameterClassifier
{
    // System.Runtime.InteropServices.UnmanagedType members read from [MarshalAs].
    private const int UnmanagedTypeBool = 2;
    private const int UnmanagedTypeI1 = 3;
    private const int UnmanagedTypeU1 = 4;
    private const int UnmanagedTypeLPWStr = 21;
    private const int UnmanagedTypeLPUTF8Str = 48;

    // System.Runtime.InteropServices.StringMarshalling members.
    internal const int StringMarshallingCustom = 0;
    internal const int StringMarshallingUtf8 = 1;
    internal const int StringMarshallingUtf16 = 2;

    /// <summary>A marshalling decision, or why none could be made (<see cref="Unsupported"/> then says what is missing).</summary>
    internal readonly record struct Classification(MarshalKind Kind, string NativeType, string? Unsupported, string? Marshaller = null, bool MarshallerFrees = false);

    public static Classification Classify(IParameterSymbol parameter, int? stringMarshalling, INamedTypeSymbol? stringMarshaller = null)
    {
        ITypeSymbol type = parameter.Type;
        if (parameter.RefKind != RefKind.None)
        {
            return IsBlittable(type)
                ? new(MarshalKind.ByReference, TypeNames.FullyQualified(type) + "*", null)
                : Unsupported(" by reference");
        }

        int? marshalAs = MarshalAsOf(parameter);
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
                return marshalAs switch
                {
                    UnmanagedTypeBool => new(MarshalKind.BoolAsInt, "int", null),
                    UnmanagedTypeU1 or UnmanagedTypeI1 => new(MarshalKind.BoolAsByte, "byte", null),
                    _ => Unsupported(" without [MarshalAs(UnmanagedType.Bool)] or [MarshalAs(UnmanagedType.U1)]"),
                };
            case SpecialType.System_String:
                if (marshalAs == UnmanagedTypeLPUTF8Str || (marshalAs is null && stringMarshalling == StringMarshallingUtf8))
                {
                    return new(MarshalKind.Utf8String, "byte*", null);
                }

                if (marshalAs == UnmanagedTypeLPWStr || (marshalAs is null && stringMarshalling == StringMarshallingUtf16))
                {
                    return new(MarshalKind.Utf16String, "ushort*", null);
                }

                if (marshalAs is null && stringMarshalling == StringMarshallingCustom && stringMarshaller is not null)
                {
                    return CustomString(stringMarshaller);
                }

                return Unsupported(" without StringMarshalling = StringMarshalling.Utf8 or Utf16");
            case SpecialType.System_Char:
                return Unsupported(string.Empty);
        }

        if (IsSafeHandle(type))
        {
            return type.IsAbstract ? Unsupported(" (an abstract SafeHandle)") : new(MarshalKind.SafeHandle, "nint", null);
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array && IsBlittable(array.ElementType))
        {
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
            : Unsupported(string.Empty);
    }

    /// <summary>
    /// The stateless shape of a custom string marshaller: <c>static TNative ConvertToUnmanaged(string)</c> with an
    /// unmanaged <c>TNative</c>, and optionally <c>static void Free(TNative)</c>. Stateful shapes go through Wraps.
    /// </summary>
    private static Classification CustomString(INamedTypeSymbol marshaller)
    {
        // The generated wrapper lives in another type: only public and internal members can be called from it.
        IMethodSymbol? convert = marshaller.GetMembers("ConvertToUnmanaged").OfType<IMethodSymbol>().FirstOrDefault(m =>
            m.IsStatic && IsCallableFromAnotherType(m) && m.Parameters.Length == 1 && m.Parameters[0].Type.SpecialType == SpecialType.System_String
            && m.ReturnType.IsUnmanagedType);
        if (convert is null)
        {
            return Unsupported($" through {marshaller.Name}, which has no public or internal static ConvertToUnmanaged(string) returning an unmanaged type (only that stateless shape is generated)");
        }

        bool frees = marshaller.GetMembers("Free").OfType<IMethodSymbol>().Any(m =>
            m.IsStatic && IsCallableFromAnotherType(m) && m.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, convert.ReturnType));
        return new(MarshalKind.CustomString, TypeNames.FullyQualified(convert.ReturnType), null, TypeNames.FullyQualified(marshaller), frees);
    }

    private static bool IsCallableFromAnotherType(IMethodSymbol method) =>
        method.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    /// <summary>Integers, enums, pointers and unmanaged structs cross as they are; bool and char never do.</summary>
    public static bool IsBlittable(ITypeSymbol type) =>
        type.IsUnmanagedType
        && type.SpecialType is not (SpecialType.System_Boolean or SpecialType.System_Char)
        && type is not INamedTypeSymbol { IsGenericType: true, IsValueType: true, Name: "Nullable" };

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

    public static bool IsSafeHandle(ITypeSymbol type)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "SafeHandle" && TypeNames.HasQualifiedName(current.ContainingNamespace, "System.Runtime.InteropServices"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the method returns <c>bool</c> as a Win32 BOOL: <c>[return: MarshalAs(UnmanagedType.Bool)]</c>.</summary>
    public static bool ReturnsBoolAsInt(IMethodSymbol method) =>
        method.ReturnType.SpecialType == SpecialType.System_Boolean && MarshalAsOf(method.GetReturnTypeAttributes()) == UnmanagedTypeBool;

    private static int? MarshalAsOf(IParameterSymbol parameter) => MarshalAsOf(parameter.GetAttributes());

    private static int? MarshalAsOf(System.Collections.Immutable.ImmutableArray<AttributeData> attributes)
    {
        AttributeData? marshalAs = attributes.FirstOrDefault(a =>
            TypeNames.HasQualifiedName(a.AttributeClass, "System.Runtime.InteropServices.MarshalAsAttribute"));
        return marshalAs is { ConstructorArguments.Length: > 0 } && marshalAs.ConstructorArguments[0].Value is int value ? value : null;
    }

    private static Classification Unsupported(string why) => new(MarshalKind.Blittable, string.Empty, why);
}
