using System.Collections.Immutable;
using System.Linq;
using Cloexec.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cloexec.Generators.Tests.Infrastructure;

/// <summary>
/// How a crash shows: the driver turns a generator exception into CS8785, the analyzer host turns an analyzer
/// exception into AD0001. Both are diagnostics, so a test that only looks at CLOEXEC IDs would miss them.
/// </summary>
internal static class CrashCheck
{
    public const string GeneratorCrashId = "CS8785";
    public const string AnalyzerCrashId = "AD0001";

    private static readonly ImmutableArray<DiagnosticAnalyzer> s_analyzers = [new RawDeclarationAnalyzer(), new ExplicitFlagAnalyzer()];

    public static string[] GeneratorCrashes(GeneratorRun run) =>
        run.GeneratorDiagnostics.Where(d => d.Id == GeneratorCrashId).Select(d => d.ToString())
            .Concat(run.Result.Exception is { } exception ? [exception.ToString()] : [])
            .ToArray();

    /// <summary>Runs the project's analyzers over the generator's output and returns each AD0001.</summary>
    public static string[] AnalyzerCrashes(Compilation compilation)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = compilation.WithAnalyzers(s_analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return diagnostics.Where(d => d.Id == AnalyzerCrashId).Select(d => d.ToString()).ToArray();
    }
}
