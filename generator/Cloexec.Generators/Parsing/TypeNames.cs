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

    /// <summary>
    /// Whether <c>symbol.ToDisplayString()</c> would be <paramref name="qualifiedName"/> (a namespace, or a non-generic
    /// type, with its namespaces and outer types), read name by name: formatting costs more than the whole comparison.
    /// </summary>
    public static bool HasQualifiedName(ISymbol? symbol, string qualifiedName)
    {
        int end = qualifiedName.Length;
        for (ISymbol? current = symbol; current is not null and not INamespaceSymbol { IsGlobalNamespace: true }; current = current.ContainingSymbol)
        {
            if (current is not (INamespaceSymbol or INamedTypeSymbol { Arity: 0 }))
            {
                return false;
            }

            string name = current.Name;
            int start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(qualifiedName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            if (start == 0)
            {
                return current.ContainingSymbol is null or INamespaceSymbol { IsGlobalNamespace: true };
            }

            if (qualifiedName[start - 1] != '.')
            {
                return false;
            }

            end = start - 1;
        }

        return false;
    }

    /// <summary>A parameter name usable in code: <c>@</c> before a reserved keyword.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
