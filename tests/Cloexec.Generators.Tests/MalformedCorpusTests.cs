using System.Linq;
using Cloexec.Generators.Tests.Cases;
using Cloexec.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>
/// Every declaration of the malformed corpus gets exactly its marked CLOEXEC diagnostics, where marked, and neither the
/// generator nor the analyzers throw on it.
/// </summary>
public sealed class MalformedCorpusTests
{
    [Fact]
    public void Corpus_holds_at_least_forty_declarations_and_covers_every_generator_diagnostic()
    {
        Assert.True(MalformedDeclarationCorpus.All.Count >= 40, $"only {MalformedDeclarationCorpus.All.Count} declarations");
        string[] covered = MalformedDeclarationCorpus.All.SelectMany(c => DiagnosticMarkup.Parse(c.MarkedSource).Expected).Select(e => e.Id).Distinct().ToArray();
        string[] missing = typeof(Diagnostics.DiagnosticDescriptors).GetFields()
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
            .Except(covered)
            .ToArray();
        Assert.True(missing.Length == 0, "not in the corpus: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(MalformedDeclarationCorpus.Names), MemberType = typeof(MalformedDeclarationCorpus))]
    public void Declaration_gets_exactly_its_diagnostics_and_nothing_throws(string name)
    {
        MalformedCase malformed = MalformedDeclarationCorpus.Named(name);
        (string source, var expected) = DiagnosticMarkup.Parse(malformed.MarkedSource);

        GeneratorRun run = GeneratorRun.Of(source, malformed.AllowUnsafe);

        Assert.Empty(CrashCheck.GeneratorCrashes(run));
        Assert.Empty(CrashCheck.AnalyzerCrashes(run.Output));
        Assert.Equal(
            expected.OrderBy(e => e.Span.Start).ThenBy(e => e.Id),
            run.GeneratorDiagnostics.Select(d => new ExpectedDiagnostic(d.Id, d.Location.GetLineSpan().Span)).OrderBy(e => e.Span.Start).ThenBy(e => e.Id));
    }
}
