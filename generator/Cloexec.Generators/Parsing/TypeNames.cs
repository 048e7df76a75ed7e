using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cloexec.Generators.Parsing;

/// <summary>How symbols are written into generated code.</summary>
internal static class TypeNames
{
    private static readonly SymbolDisplayFormat s_fullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string FullyQualified(ITypeSymbol type) => type.ToDisplayString(s_fullyQualified);

    /// <summary>A parameter name usable in code: <c>@</c> before a reserved keyword.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
