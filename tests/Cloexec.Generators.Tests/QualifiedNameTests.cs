using System.Collections.Generic;
using System.Linq;
using Cloexec.Generators.Parsing;
using Cloexec.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>
/// The parser compares names without formatting them (<see cref="TypeNames.HasQualifiedName"/>): it must agree with
/// <c>ToDisplayString()</c>, which it replaced, for every namespace and type a compilation holds.
/// </summary>
public sealed class QualifiedNameTests
{
    private const string Source = """
        namespace System.Runtime
        {
            internal static class InteropServices
            {
                internal sealed class MarshalAsAttribute : System.Attribute { }
            }
        }

        namespace Outer.System.Runtime.InteropServices
        {
            internal sealed class SafeHandle { }
        }

        internal sealed class Generic<T>
        {
            internal sealed class Inner { }
        }
        """;

    [Fact]
    public void Agrees_with_the_display_string_of_every_namespace_and_type()
    {
        Compilation compilation = TestCompilation.Create(Source);
        List<ISymbol> symbols = [.. AllOf(compilation.GlobalNamespace)];
        // Names as the parser writes them: no type arguments anywhere in them.
        string[] names = [.. symbols.Select(s => s.ToDisplayString()).Where(n => !n.Contains('<', System.StringComparison.Ordinal)).Distinct(), "System.Runtime.InteropServices.MarshalAsAttribute", "Runtime.InteropServices", "System."];

        Assert.True(symbols.Count > 1000);
        foreach (ISymbol symbol in symbols)
        {
            foreach (string name in names.Where(n => n.EndsWith(symbol.Name, System.StringComparison.Ordinal)))
            {
                Assert.True(symbol.ToDisplayString() == name == TypeNames.HasQualifiedName(symbol, name), $"{symbol.ToDisplayString()} against {name}");
            }
        }
    }

    [Fact]
    public void Tells_a_type_from_a_namespace_of_the_same_dotted_name_by_what_contains_it()
    {
        // Guards the test above: the look-alikes of this source must be told apart, as ToDisplayString does.
        Compilation compilation = TestCompilation.Create(Source);
        INamedTypeSymbol lookAlike = compilation.GetTypeByMetadataName("Outer.System.Runtime.InteropServices.SafeHandle")!;
        INamedTypeSymbol real = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.SafeHandle")!;

        Assert.False(TypeNames.HasQualifiedName(lookAlike.ContainingNamespace, "System.Runtime.InteropServices"));
        Assert.True(TypeNames.HasQualifiedName(real.ContainingNamespace, "System.Runtime.InteropServices"));
        Assert.False(TypeNames.HasQualifiedName(null, "System"));
    }

    [Fact]
    public void Kept_texts_of_constructed_types_are_their_display_strings()
    {
        // A constructed type's text is kept under its definition and arguments: every look-alike must still get its own.
        const string Declarations = """
            #nullable enable
            using System;
            using System.Collections.Generic;

            internal static class Shapes
            {
                internal static void M(bool? a, int? b, Span<int> c, ReadOnlySpan<byte> d, List<string?> e, List<string> f, List<string>? g,
                    (int x, int y) h, (int p, int q) i, ValueTuple<int, int> j, Dictionary<string, List<int?>> k, Span<nint> l, Span<IntPtr> m,
                    List<dynamic> n, List<object> o, KeyValuePair<int, string>[] p, Nullable<DateTime> q) { }
            }
            """;
        SymbolDisplayFormat fullyQualified = SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        // Twice: the second compilation's symbols are new, its texts come from what the first one kept.
        for (int run = 0; run < 2; run++)
        {
            Compilation compilation = TestCompilation.Create(Declarations);
            IMethodSymbol method = compilation.GetTypeByMetadataName("Shapes")!.GetMembers("M").OfType<IMethodSymbol>().Single();
            foreach (ITypeSymbol type in method.Parameters.Select(p => p.Type))
            {
                Assert.Equal(type.ToDisplayString(fullyQualified), TypeNames.FullyQualified(type));
                Assert.Equal(type.ToDisplayString(), TypeNames.Display(type));
            }
        }
    }

    private static IEnumerable<ISymbol> AllOf(INamespaceOrTypeSymbol container)
    {
        foreach (ISymbol member in container.GetMembers().Where(m => m is INamespaceOrTypeSymbol))
        {
            yield return member;
            foreach (ISymbol inner in AllOf((INamespaceOrTypeSymbol)member))
            {
                yield return inner;
            }
        }
    }
}
