using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Parsing;

/// <summary>The marshalling attributes a parameter or return value carries: [MarshalAs], [In], [Out].</summary>
internal static class MarshalAsReader
{
    // UnmanagedType members, by the names the enum gives them: a number would be a second copy of the BCL's table.
    internal const string Bool = "Bool";
    internal const string I1 = "I1";
    internal const string U1 = "U1";
    internal const string LPStr = "LPStr";
    internal const string LPWStr = "LPWStr";
    internal const string LPTStr = "LPTStr";
    internal const string LPUTF8Str = "LPUTF8Str";
    internal const string CustomMarshaler = "CustomMarshaler";

    /// <summary>The UnmanagedType member named by [MarshalAs], or null without one.</summary>
    public static string? UnmanagedTypeOf(ImmutableArray<AttributeData> attributes)
    {
        AttributeData? marshalAs = attributes.FirstOrDefault(a => TypeNames.HasQualifiedName(a.AttributeClass, "System.Runtime.InteropServices.MarshalAsAttribute"));
        if (marshalAs is not { ConstructorArguments.Length: > 0 })
        {
            return null;
        }

        TypedConstant value = marshalAs.ConstructorArguments[0];
        // [MarshalAs(short)] names the member by its number; the UnmanagedType enum is then found through the attribute.
        ITypeSymbol? enumType = value.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } named
            ? named
            : marshalAs.AttributeConstructor?.ContainingType.ContainingNamespace.GetTypeMembers("UnmanagedType").FirstOrDefault();
        object? number = value.Value is short shortValue ? (int)shortValue : value.Value;
        return enumType?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, number))?.Name;
    }

    public static string? UnmanagedTypeOf(IParameterSymbol parameter) => UnmanagedTypeOf(parameter.GetAttributes());

    /// <summary>Whether the parameter says [In] without [Out] (sent, not read back), or [Out] without [In] (read back, not sent).</summary>
    public static (bool In, bool Out) DirectionAttributesOf(IParameterSymbol parameter)
    {
        ImmutableArray<AttributeData> attributes = parameter.GetAttributes();
        bool inAttribute = attributes.Any(a => TypeNames.HasQualifiedName(a.AttributeClass, "System.Runtime.InteropServices.InAttribute"));
        bool outAttribute = attributes.Any(a => TypeNames.HasQualifiedName(a.AttributeClass, "System.Runtime.InteropServices.OutAttribute"));
        return (inAttribute, outAttribute);
    }
}
