using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Parsing;

/// <summary>The arguments of one [CreatesDescriptor], as written.</summary>
/// <param name="Flag">The CloexecFlag member named by <c>Flag = ...</c>, <see langword="null"/> when not written.</param>
/// <param name="StringMarshalling">The StringMarshalling value, <see langword="null"/> when not written.</param>
/// <param name="Descriptors">The DescriptorLocation member named by <c>Descriptors = ...</c>, <see langword="null"/> when not written.</param>
/// <param name="StringMarshallingCustomType">The type named by <c>StringMarshallingCustomType = typeof(...)</c>, if any.</param>
/// <param name="CharSet">The CharSet member named by <c>CharSet = ...</c>, <see langword="null"/> when not written: the declaration is then not in [DllImport]'s style.</param>
internal sealed record AttributeSettings(
    string? LibraryName,
    string? EntryPoint,
    bool SetLastError,
    int? StringMarshalling,
    INamedTypeSymbol? StringMarshallingCustomType,
    string? Wraps,
    string? FlagsParameter,
    string? Flag,
    string? Descriptors = null,
    string? DescriptorsParameter = null,
    string? CharSet = null)
{
    public bool HasStringMarshallingCustomType => StringMarshallingCustomType is not null;

    public static AttributeSettings Read(AttributeData attribute)
    {
        string? libraryName = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        TypedConstant Named(string name) => attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value;

        string? MemberName(string name) =>
            Named(name) is { Value: int value, Type: INamedTypeSymbol enumType }
                ? enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value))?.Name
                : null;

        return new AttributeSettings(
            libraryName,
            Named("EntryPoint").Value as string,
            Named("SetLastError").Value is true,
            Named("StringMarshalling").Value as int?,
            Named("StringMarshallingCustomType").Value as INamedTypeSymbol,
            Named("Wraps").Value as string,
            Named("FlagsParameter").Value as string,
            MemberName("Flag"),
            MemberName("Descriptors"),
            Named("DescriptorsParameter").Value as string,
            MemberName("CharSet"));
    }
}
