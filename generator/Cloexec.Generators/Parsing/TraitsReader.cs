using Cloexec.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Parsing;

/// <summary>What the planner needs to know of a parameter's or the result's type, read once from its symbol.</summary>
internal static class TraitsReader
{
    public static ParameterTraits Of(IParameterSymbol parameter)
    {
        ITypeSymbol type = parameter.Type;
        ParameterTraits traits = parameter.RefKind switch
        {
            RefKind.None => ParameterTraits.ByValue,
            RefKind.Ref or RefKind.In => ParameterTraits.RefOrIn,
            _ => ParameterTraits.None,
        };
        traits |= type.TypeKind switch
        {
            TypeKind.Pointer => ParameterTraits.Pointer,
            TypeKind.Array => ParameterTraits.Array,
            TypeKind.Error => ParameterTraits.ErrorType,
            _ => ParameterTraits.None,
        };
        if (type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr)
        {
            traits |= ParameterTraits.NativeInteger;
        }

        if (type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", ContainingNamespace.Name: "System" })
        {
            traits |= ParameterTraits.Span;
        }

        if (ParameterClassifier.IsFlagsType(type))
        {
            traits |= ParameterTraits.FlagsType;
        }

        if (ParameterClassifier.IsWideFlagsType(type))
        {
            traits |= ParameterTraits.WideFlagsType;
        }

        traits |= type.SpecialType switch
        {
            SpecialType.System_Boolean => ParameterTraits.Boolean,
            SpecialType.System_String => ParameterTraits.String,
            _ => ParameterTraits.None,
        };
        if (type is IPointerTypeSymbol { PointedAtType.SpecialType: SpecialType.System_Byte or SpecialType.System_SByte })
        {
            traits |= ParameterTraits.BytePointer;
        }

        if (ParameterClassifier.IsBlittable(type))
        {
            traits |= ParameterTraits.Blittable;
        }

        traits |= InteropTypes.IsUserStruct(type) ? ParameterTraits.Struct
            : InteropTypes.IsLayoutClass(type) ? ParameterTraits.LayoutClass
            : ParameterTraits.None;

        return CouldHoldInt32(parameter) ? traits | ParameterTraits.HoldsInt32 : traits;
    }

    /// <summary>The result's type as it is judged: <paramref name="type"/> is the integer inside a typedef-like struct, if any.</summary>
    /// <param name="settings">Whether the declaration is in [DllImport]'s style (CharSet set), where a bool result is a BOOL.</param>
    public static ReturnTraits Of(IMethodSymbol method, ITypeSymbol type, AttributeSettings settings)
    {
        ReturnTraits traits = type.SpecialType switch
        {
            SpecialType.System_Int32 => ReturnTraits.Int32,
            SpecialType.System_IntPtr => ReturnTraits.NativeInteger,
            SpecialType.System_Int64 => ReturnTraits.Int64,
            _ => ReturnTraits.None,
        };
        if (InteropTypes.IsSafeHandle(type) && !type.IsAbstract)
        {
            traits |= ReturnTraits.ConcreteSafeHandle;
        }

        if (ParameterClassifier.ReturnsBoolAsInt(method, settings))
        {
            traits |= ReturnTraits.BoolAsInt;
        }

        return WrapperParser.ContainsErrorType(type) ? traits | ReturnTraits.ErrorType : traits;
    }

    /// <summary>An argument the call could write an int into: int* or uint*, out/ref int, an int array or span.</summary>
    private static bool CouldHoldInt32(IParameterSymbol parameter)
    {
        ITypeSymbol type = parameter.Type;
        ITypeSymbol? element = parameter.RefKind is RefKind.Out or RefKind.Ref ? type
            : type switch
            {
                IPointerTypeSymbol pointer => pointer.PointedAtType,
                IArrayTypeSymbol array => array.ElementType,
                INamedTypeSymbol { Name: "Span", ContainingNamespace.Name: "System", TypeArguments.Length: 1 } span => span.TypeArguments[0],
                _ => null,
            };
        return element?.SpecialType is SpecialType.System_Int32 or SpecialType.System_UInt32;
    }
}
