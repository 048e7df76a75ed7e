using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Cloexec.Generators.Tests.Cases;
using Cloexec.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>
/// The golden cases' valid declarations, broken by thousands of seeded random token edits: the generator never throws,
/// and generated code that does not compile is always explained by an error in the user's own code; where the generator
/// reports a CLOEXEC error instead, its stub must compile (stricter than "a CLOEXEC diagnostic explains it").
/// </summary>
public sealed class MutationTests(ITestOutputHelper output)
{
    // Fixed, so that a failure names a variant that reproduces: rerun with the same seed and look at that index.
    private const int Seed = 20261127;
    private const int Variants = 2400;

    // The analyzers bind every body, generated ones included: every sixteenth variant keeps the run under a minute.
    private const int AnalyzerEvery = 16;

    [Fact]
    public void Generator_never_throws_and_every_broken_output_is_explained()
    {
        CSharpParseOptions parseOptions = TestCompilation.ParseOptions();
        TokenMutator[] mutators = GoldenCases.All.Select(c => new TokenMutator(c.Source, parseOptions)).ToArray();
        var failures = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        int compiled = 0;

        for (int variant = 0; variant < Variants && failures.Count < 5; variant++)
        {
            var random = new Random(Seed + variant);
            int caseIndex = variant % mutators.Length;
            (string source, string description) = mutators[caseIndex].Mutate(random, count: 1 + random.Next(2));
            string where = $"variant {variant} (seed {Seed + variant}) of {GoldenCases.All[caseIndex].Name}: {description}";

            string? failure;
            try
            {
                failure = Check(source, parseOptions, withAnalyzers: variant % AnalyzerEvery == 0, ref compiled);
            }
            catch (Exception exception)
            {
                failure = "threw " + exception;
            }

            if (failure is not null)
            {
                failures.Add($"{where}\n{failure}\n---- source\n{source}");
            }
        }

        output.WriteLine($"{Variants} variants in {stopwatch.Elapsed.TotalSeconds:F1} s, {compiled} compiled in full");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>Why the variant fails, or <see langword="null"/>. Compiles in full only when nothing else explains an error.</summary>
    private static string? Check(string source, CSharpParseOptions parseOptions, bool withAnalyzers, ref int compiled)
    {
        CSharpCompilation compilation = TestCompilation.Create([source], parseOptions);
        GeneratorRun run = GeneratorRun.Of(compilation);
        string[] crashes = CrashCheck.GeneratorCrashes(run);
        if (crashes.Length > 0)
        {
            return "generator crashed: " + string.Join("\n", crashes);
        }

        string[] analyzerCrashes = withAnalyzers ? CrashCheck.AnalyzerCrashes(run.Output) : [];
        if (analyzerCrashes.Length > 0)
        {
            return "analyzer crashed: " + string.Join("\n", analyzerCrashes);
        }

        // A syntax error in the user's code explains anything; parse diagnostics are cheap, so they go first.
        SyntaxTree user = compilation.SyntaxTrees.Single();
        if (run.Sources.Length == 0 || user.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return null;
        }

        compiled++;
        Diagnostic[] errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Diagnostic[] inGenerated = errors.Where(d => d.Location.SourceTree is { } tree && tree != user).ToArray();
        // A CLOEXEC error explains a wrapper that could not be written, but its stub must still compile: an error in
        // generated code is explained only by one in the user's own code (an unresolved type, a duplicate member...).
        if (inGenerated.Length == 0 || errors.Any(d => d.Location.SourceTree == user))
        {
            return null;
        }

        return "generated code does not compile, and nothing in the user's code says why (CLOEXEC: " + string.Join(", ", run.GeneratorDiagnostics.Select(d => d.Id)) + "):\n"
            + string.Join("\n", inGenerated.Select(d => d.ToString()))
            + "\n---- generated\n" + run.CombinedSource();
    }
}
