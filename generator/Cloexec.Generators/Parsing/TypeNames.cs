using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cloexec.Generators.Parsing;

/// <summary>How symbols are written into generated code.</summary>
internal static class TypeNames
{
    private static readonly SymbolDisplayFormat s_fullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    // The parse step runs again for every declaration on each edit, and formatting a type is most of its own work. A
    // symbol's text never changes, and the symbols of referenced assemblies (int, Span<T>...) outlive compilations:
    // keyed weakly, so that a compilation's own symbols go with it.
    private static readonly ConditionalWeakTable<ITypeSymbol, string> s_fullyQualifiedText = new();
    private static readonly ConditionalWeakTable<ITypeSymbol, string> s_displayText = new();
    private static readonly ConditionalWeakTable<INamedTypeSymbol, string> s_hintText = new();

    public static string FullyQualified(ITypeSymbol type) =>
        s_fullyQualifiedText.GetValue(type, static t => t.ToDisplayString(s_fullyQualified));

    /// <summary>The default display text (<c>ToDisplayString()</c>), as hint names hash it.</summary>
    public static string Display(ITypeSymbol type) => s_displayText.GetValue(type, static t => t.ToDisplayString());

    /// <summary>The fully qualified name without <c>global::</c>, as hint names start; once per type, not per method.</summary>
    public static string HintText(INamedTypeSymbol type) =>
        s_hintText.GetValue(type, static t => t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty));

    /// <summary>A parameter name usable in code: <c>@</c> before a reserved keyword.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
