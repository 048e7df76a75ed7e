using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Parsing;

/// <summary>
/// The managed types [DllImport] marshals in ways of their own (SafeHandles, StringBuilder buffers, the user's structs
/// and layout classes), recognised once: the generator classifies parameters with these, and the code fix (which links
/// this file) decides with the same ones which declarations the generator marshals itself.
/// </summary>
internal static class InteropTypes
{
    // System.Runtime.InteropServices.LayoutKind members.
    private const int LayoutKindSequential = 0;
    private const int LayoutKindExplicit = 2;

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

    public static bool IsStringBuilder(ITypeSymbol type) =>
        type.Name == "StringBuilder" && TypeNames.HasQualifiedName(type.ContainingNamespace, "System.Text");

    /// <summary>A struct of the user's: not a primitive, an enum, or <c>Nullable</c>.</summary>
    public static bool IsUserStruct(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None, IsGenericType: false };

    /// <summary>
    /// A class [DllImport] passes as a pointer to its fields: one with sequential or explicit layout. A referenced
    /// assembly's class does not show its layout here: it is taken as one, and the run time checks it.
    /// </summary>
    public static bool IsLayoutClass(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false, IsStatic: false, IsGenericType: false, SpecialType: SpecialType.None } named
        && !IsSafeHandle(named)
        && !IsStringBuilder(named)
        && (named.Locations.All(location => !location.IsInSource) || HasSequentialOrExplicitLayout(named));

    private static bool HasSequentialOrExplicitLayout(INamedTypeSymbol type) => type.GetAttributes().Any(attribute =>
        attribute.AttributeClass is { Name: "StructLayoutAttribute" } layout
        && TypeNames.HasQualifiedName(layout.ContainingNamespace, "System.Runtime.InteropServices")
        && attribute.ConstructorArguments.Length == 1
        && attribute.ConstructorArguments[0].Value is { } kind
        && System.Convert.ToInt32(kind, System.Globalization.CultureInfo.InvariantCulture) is LayoutKindSequential or LayoutKindExplicit);
}
