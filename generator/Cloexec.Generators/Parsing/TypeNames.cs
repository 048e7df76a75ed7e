using System.Collections.Concurrent;
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

    // A constructed type (bool?, Span<int>) is a new symbol wherever a declaration writes it, so a table keyed by the
    // symbol would format it again every time: its text is kept by its definition, a referenced assembly's long-lived
    // symbol, under its type arguments' own fully qualified text (which tells apart all that either format shows).
    private static readonly ConditionalWeakTable<INamedTypeSymbol, ConcurrentDictionary<string, string>> s_constructedText = new();

    public static string FullyQualified(ITypeSymbol type) =>
        ConstructedKey(type, "F") is { } key
            ? s_constructedText.GetOrCreateValue((INamedTypeSymbol)type.OriginalDefinition).GetOrAdd(key, _ => type.ToDisplayString(s_fullyQualified))
            : s_fullyQualifiedText.GetValue(type, static t => t.ToDisplayString(s_fullyQualified));

    /// <summary>The default display text (<c>ToDisplayString()</c>), as hint names hash it.</summary>
    public static string Display(ITypeSymbol type) =>
        ConstructedKey(type, "D") is { } key
            ? s_constructedText.GetOrCreateValue((INamedTypeSymbol)type.OriginalDefinition).GetOrAdd(key, _ => type.ToDisplayString())
            : s_displayText.GetValue(type, static t => t.ToDisplayString());

    /// <summary>
    /// For a top-level constructed type whose text its definition and type arguments decide, the key of that text;
    /// else null. Tuples are left out (their element names are not in their arguments' text).
    /// </summary>
    private static string? ConstructedKey(ITypeSymbol type, string format)
    {
        if (type is not INamedTypeSymbol { IsGenericType: true, IsTupleType: false, ContainingType: null } named
            || named.TypeArguments.Length == 0
            || SymbolEqualityComparer.Default.Equals(named, named.OriginalDefinition))
        {
            return null;
        }

        var key = new System.Text.StringBuilder(format).Append('|').Append((int)named.NullableAnnotation);
        foreach (ITypeSymbol argument in named.TypeArguments)
        {
            key.Append('|').Append(FullyQualified(argument));
        }

        return key.ToString();
    }

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
