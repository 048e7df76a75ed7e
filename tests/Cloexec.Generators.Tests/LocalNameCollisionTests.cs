using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Cloexec.Generators.Tests.Cases;
using Cloexec.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>
/// Generated code compiles whatever the parameters are named: header-generated bindings name them as glibc's headers do
/// (<c>__mode</c>, <c>__fd</c>), so any name the generator itself declares may be a parameter's. Each golden case is
/// compiled again with its parameters renamed, in turns, to every <c>__</c> name its generated code declares, and
/// with a parameter named as another's native local (<c>path</c> and <c>__path_native</c>).
/// </summary>
public sealed class LocalNameCollisionTests
{
    private const string CloexecParameter = "cloexec";

    [Theory]
    [MemberData(nameof(GoldenCases.Names), MemberType = typeof(GoldenCases))]
    public void Parameters_named_as_the_generated_locals_compile(string name)
    {
        string source = GoldenCases.Named(name).Source;
        string[] generatedNames = GeneratedNames(GeneratorRun.Of(source));
        Assert.Contains("__mode", generatedNames);

        SyntaxTree original = TestCompilation.Parse(source, "Source.cs");
        int[] counts = Declarations(original.GetRoot(TestContext.Current.CancellationToken)).Select(m => NativeParameters(m).Count()).Where(c => c > 0).ToArray();
        int rounds = counts.Max(count => (generatedNames.Length + count - 1) / count);
        List<SyntaxTree> variants = [.. Enumerable.Range(0, rounds).Select(round => Variant(original, round, generatedNames))];
        variants.Add(Variant(original, rounds, NamedAsNativeLocals));

        GeneratorRun run = GeneratorRun.Of(TestCompilation.Create([]).AddSyntaxTrees(variants));

        // Every variant's declarations were renamed and got a body.
        Assert.Equal(variants.Count * GeneratorRun.Of(source).Sources.Length, run.Sources.Length);
        AssertNone(run.GeneratorDiagnostics);

        // None at all in generated code; the sources' own hidden ones (an unused using) are theirs.
        AssertNone(run.Output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning || IsGenerated(d.Location.SourceTree)));
    }

    private static bool IsGenerated(SyntaxTree? tree) => tree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;

    [Fact]
    public void A_parameter_named_as_a_generated_local_breaks_a_wrapper_that_took_that_name()
    {
        // Guards the test above: the renamed declarations must collide with what a naive generator writes.
        string source = GoldenCases.Named("OpenFamily").Source;
        SyntaxTree renamed = Variant(TestCompilation.Parse(source, "Source.cs"), 0, ["__mode", "__atomic", "__forkLockHeld", "__lastError"]);
        string generated = GeneratorRun.Of(TestCompilation.Create([]).AddSyntaxTrees(renamed)).CombinedSource();

        Assert.Matches(@"\(string __mode, int __atomic", renamed.ToString());
        Assert.Contains(" __mode_ = ", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain(" __mode = ", generated, System.StringComparison.Ordinal);
    }

    /// <summary>Every identifier starting with <c>__</c> in the generated code: the names the generator chose itself.</summary>
    private static string[] GeneratedNames(GeneratorRun run) =>
        run.Sources
            .SelectMany(s => Regex.Matches(s.SourceText.ToString(), @"(?<![\w.])__\w+").Select(m => m.Value))
            .Distinct()
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// The source with every native parameter of every [CreatesDescriptor] method renamed to the next of
    /// <paramref name="names"/> (the <paramref name="round"/>-th group of them), its namespace made its own.
    /// </summary>
    private static SyntaxTree Variant(SyntaxTree tree, int round, string[] names) =>
        Variant(tree, round, parameters => parameters.Select((_, i) => names[((round * parameters.Length) + i) % names.Length]).ToArray());

    /// <summary>The second parameter named as the first's native local, the third as that local's marshaller.</summary>
    private static string?[] NamedAsNativeLocals(string[] parameters) =>
        parameters.Select((_, i) => i switch
        {
            1 => $"__{parameters[0]}_native",
            2 => $"__{parameters[0]}_native__marshaller",
            _ => null,
        }).ToArray();

    private static SyntaxTree Variant(SyntaxTree tree, int round, System.Func<string[], string?[]> rename)
    {
        var root = (CompilationUnitSyntax)tree.GetRoot();
        root = root.ReplaceNodes(Declarations(root), (_, method) => Renamed(method, rename));

        // Each variant in a namespace of its own (the usings of the source's own namespace follow it), and the assembly's
        // attributes written once.
        root = root.WithAttributeLists(round == 0 ? root.AttributeLists : default);
        string suffix = "Variant" + round;
        if (root.Members.OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault() is { } ns)
        {
            string name = ns.Name.ToString();
            root = root.ReplaceNodes(
                root.DescendantNodes().Where(n => n == ns.Name || n is NameSyntax { Parent: UsingDirectiveSyntax } used && used.ToString().StartsWith(name + ".", System.StringComparison.Ordinal)),
                (_, node) => SyntaxFactory.ParseName($"{name}.{suffix}{node.ToString().AsSpan(name.Length)}").WithTriviaFrom(node));
        }
        else
        {
            FileScopedNamespaceDeclarationSyntax declaration = SyntaxFactory.FileScopedNamespaceDeclaration(SyntaxFactory.ParseName(suffix))
                .NormalizeWhitespace()
                .WithTrailingTrivia(SyntaxFactory.LineFeed);
            root = root.WithMembers([declaration.WithMembers(root.Members)]);
        }

        return tree.WithRootAndOptions(root, tree.Options).WithFilePath($"{suffix}.cs");
    }

    private static MethodDeclarationSyntax Renamed(MethodDeclarationSyntax method, System.Func<string[], string?[]> rename)
    {
        ParameterSyntax[] parameters = NativeParameters(method).ToArray();
        string[] oldNames = parameters.Select(p => p.Identifier.ValueText).ToArray();
        string?[] newNames = rename(oldNames);
        var taken = new HashSet<string>(method.ParameterList.Parameters.Select(p => p.Identifier.ValueText));
        var renames = new Dictionary<string, string>();
        for (int i = 0; i < oldNames.Length; i++)
        {
            if (newNames[i] is { } newName && taken.Add(newName))
            {
                renames[oldNames[i]] = newName;
            }
        }

        // FlagsParameter and DescriptorsParameter name parameters: they follow the rename.
        return method.ReplaceNodes(
            method.DescendantNodes().Where(n => n is ParameterSyntax p && renames.ContainsKey(p.Identifier.ValueText)
                || n is LiteralExpressionSyntax { Parent: AttributeArgumentSyntax } l && renames.ContainsKey(l.Token.ValueText)),
            (_, node) => node switch
            {
                ParameterSyntax p => p.WithIdentifier(SyntaxFactory.Identifier(renames[p.Identifier.ValueText]).WithTriviaFrom(p.Identifier)),
                LiteralExpressionSyntax l => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(renames[l.Token.ValueText])).WithTriviaFrom(l),
                _ => node,
            });
    }

    private static IEnumerable<MethodDeclarationSyntax> Declarations(SyntaxNode root) =>
        root.DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => m.Body is null && m.ExpressionBody is null
                && m.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().StartsWith("CreatesDescriptor", System.StringComparison.Ordinal)));

    private static IEnumerable<ParameterSyntax> NativeParameters(MethodDeclarationSyntax method) =>
        method.ParameterList.Parameters.Where(p => p.Identifier.ValueText != CloexecParameter);

    // A message of its own rather than Assert.Empty, which cuts diagnostics short.
    private static void AssertNone(IEnumerable<Diagnostic> diagnostics)
    {
        string[] listed = diagnostics.Select(d => d.ToString()).ToArray();
        Assert.True(listed.Length == 0, string.Join("\n", listed));
    }
}
