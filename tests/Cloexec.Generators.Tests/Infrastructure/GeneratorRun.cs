using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cloexec.Generators.Tests.Infrastructure;

/// <summary>One run of <see cref="CreatesDescriptorGenerator"/> over a compilation, and what came out of it.</summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(Compilation output, GeneratorRunResult result)
    {
        Output = output;
        Result = result;
    }

    /// <summary>The user's compilation with the generated sources added.</summary>
    public Compilation Output { get; }

    public GeneratorRunResult Result { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>Generated sources ordered by hint name, so that every consumer sees the same order.</summary>
    public ImmutableArray<GeneratedSourceResult> Sources =>
        [.. Result.GeneratedSources.OrderBy(s => s.HintName, System.StringComparer.Ordinal)];

    public static GeneratorRun Of(string source, bool allowUnsafe = true, bool trackSteps = false) =>
        Of(TestCompilation.Create(source, allowUnsafe: allowUnsafe), trackSteps);

    public static GeneratorRun Of(CSharpCompilation compilation, bool trackSteps = false)
    {
        GeneratorDriver driver = CreateDriver((CSharpParseOptions)compilation.SyntaxTrees.First().Options, trackSteps);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return new GeneratorRun(output, driver.GetRunResult().Results.Single());
    }

    public static GeneratorDriver CreateDriver(CSharpParseOptions parseOptions, bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            [new CreatesDescriptorGenerator().AsSourceGenerator()],
            parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Everything generated as one text: each file after a <c>// ---- hint name</c> line when there are several.</summary>
    public string CombinedSource()
    {
        ImmutableArray<GeneratedSourceResult> sources = Sources;
        if (sources.Length == 1)
        {
            return sources[0].SourceText.ToString();
        }

        return string.Concat(sources.Select(s => $"// ---- {s.HintName}\n{s.SourceText}"));
    }
}
