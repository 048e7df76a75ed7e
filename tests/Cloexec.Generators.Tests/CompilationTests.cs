using System.Collections.Generic;
using System.Linq;
using Cloexec.Generators.Tests.Cases;
using Cloexec.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>Generated code compiles without a single warning, under the strictest settings a consumer may use.</summary>
public sealed class CompilationTests
{
    [Theory]
    [MemberData(nameof(GoldenCases.Names), MemberType = typeof(GoldenCases))]
    public void Golden_case_compiles_without_warnings(string name)
    {
        GeneratorRun run = GeneratorRun.Of(GoldenCases.Named(name).Source);

        AssertNone(run.GeneratorDiagnostics);
        AssertNone(run.Output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Generated_code_compiles_as_CSharp12()
    {
        // What a net8.0 consumer compiles with by default.
        CSharpCompilation compilation = TestCompilation.Create(
            [GoldenCases.Named("OpenFamily").Source, GoldenCases.Named("SafeHandles").Source, GoldenCases.Named("Buffers").Source, GoldenCases.Named("LegacyPipeAndDup").Source],
            TestCompilation.ParseOptions(LanguageVersion.CSharp12));

        GeneratorRun run = GeneratorRun.Of(compilation);

        Assert.NotEmpty(run.Sources);
        AssertNone(run.GeneratorDiagnostics);
        AssertNone(run.Output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Copied_documentation_compiles_when_the_consumer_generates_documentation()
    {
        // GenerateDocumentationFile turns on cref binding: a copied cref must bind in the generated file too.
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        CSharpCompilation compilation = TestCompilation.Create(DeclarationShapeSources.DocumentationComment, parseOptions);

        GeneratorRun run = GeneratorRun.Of(compilation);

        Assert.Contains("/// <summary>", run.CombinedSource(), System.StringComparison.Ordinal);
        AssertNone(run.GeneratorDiagnostics);
        AssertNone(run.Output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    // A message of its own rather than Assert.Empty, which cuts diagnostics short.
    private static void AssertNone(IEnumerable<Diagnostic> diagnostics)
    {
        string[] listed = diagnostics.Select(d => d.ToString()).ToArray();
        Assert.True(listed.Length == 0, string.Join("\n", listed));
    }
}
