using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Cloexec.Benchmarks;

/// <summary>
/// Not timed: proves that both generator workloads do real work (the output compiles without errors) and reports,
/// step by step, what an unrelated edit makes each generator redo.
/// </summary>
internal static class GeneratorChecks
{
    /// <summary>The tracking name of our symbol read, the transform (Cloexec.Generators.TrackingNames.Read, internal there).</summary>
    private const string ReadStep = "Read";

    /// <summary>The tracking name of the step that writes our models from what was read (TrackingNames.Parse).</summary>
    private const string ParseStep = "Parse";

    /// <summary>Markdown; <paramref name="ok"/> is false when any check failed.</summary>
    public static string Run(out bool ok)
    {
        ok = true;
        var summary = new StringBuilder();
        var steps = new StringBuilder();
        summary.AppendLine(CultureInfo.InvariantCulture, $"LibraryImportGenerator: `{SdkLibraryImportGenerator.Path}`");
        summary.AppendLine();
        summary.AppendLine("| generator | sources generated | errors after generation | all tracked step outputs after the unrelated edit: New / Modified / Unchanged / Cached / Removed | [CreatesDescriptor] methods re-read as New/Modified; models written again |");
        summary.AppendLine("|---|---:|---:|---|---|");
        steps.AppendLine("Tracked steps after the unrelated edit, one row per step name (New / Modified / Unchanged / Cached / Removed):");
        steps.AppendLine();
        steps.AppendLine("| generator | step | outputs |");
        steps.AppendLine("|---|---|---|");

        foreach (GeneratorWorkload workload in new[] { GeneratorWorkload.LibraryImport(), GeneratorWorkload.CreatesDescriptor() })
        {
            bool ours = workload.Name == "CreatesDescriptorGenerator";

            workload.CreateDriver(trackSteps: false).RunGeneratorsAndUpdateCompilation(workload.Compilation, out Compilation output, out _);
            int generated = output.SyntaxTrees.Count() - workload.Compilation.SyntaxTrees.Length;
            ImmutableArray<Diagnostic> errors = [.. output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];

            GeneratorDriver driver = workload.CreateDriver(trackSteps: true).RunGenerators(workload.Compilation);
            GeneratorRunResult second = driver.RunGenerators(workload.Edited).GetRunResult().Results.Single();
            Dictionary<IncrementalStepRunReason, int> all = Count(second.TrackedSteps.Values.SelectMany(s => s));
            foreach ((string name, ImmutableArray<IncrementalGeneratorRunStep> run) in second.TrackedSteps.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                steps.AppendLine(CultureInfo.InvariantCulture, $"| {workload.Name} | {name} | {Format(Count(run))} |");
            }

            string regenerated = "n/a";
            if (ours)
            {
                Dictionary<IncrementalStepRunReason, int> read = Count(second.TrackedSteps.TryGetValue(ReadStep, out ImmutableArray<IncrementalGeneratorRunStep> readRun) ? readRun : []);
                Dictionary<IncrementalStepRunReason, int> parse = Count(second.TrackedSteps.TryGetValue(ParseStep, out ImmutableArray<IncrementalGeneratorRunStep> parseRun) ? parseRun : []);
                int redone = read[IncrementalStepRunReason.New] + read[IncrementalStepRunReason.Modified];
                int seen = read.Values.Sum();
                int rewritten = parse.Values.Sum() - parse[IncrementalStepRunReason.Cached];
                regenerated = $"{redone} of {seen} Read outputs; {rewritten} of {parse.Values.Sum()} Parse outputs not Cached";
                if (redone != 0 || seen < GeneratorWorkload.MethodCount || rewritten != 0 || generated != GeneratorWorkload.MethodCount)
                {
                    ok = false;
                    regenerated += $" (FAILED: expected 0 of {GeneratorWorkload.MethodCount} twice, and {GeneratorWorkload.MethodCount} sources)";
                }
            }

            if (errors.Length != 0 || generated == 0)
            {
                ok = false;
            }

            summary.AppendLine(CultureInfo.InvariantCulture,
                $"| {workload.Name} | {generated} | {errors.Length}{(errors.Length > 0 ? " (first: " + errors[0].GetMessage(CultureInfo.InvariantCulture) + ")" : string.Empty)} | " +
                $"{Format(all)} | {regenerated} |");
        }

        return summary.AppendLine().Append(steps).AppendLine().ToString();
    }

    private static string Format(Dictionary<IncrementalStepRunReason, int> counts) =>
        $"{counts[IncrementalStepRunReason.New]} / {counts[IncrementalStepRunReason.Modified]} / {counts[IncrementalStepRunReason.Unchanged]} / " +
        $"{counts[IncrementalStepRunReason.Cached]} / {counts[IncrementalStepRunReason.Removed]}";

    private static Dictionary<IncrementalStepRunReason, int> Count(IEnumerable<IncrementalGeneratorRunStep> steps)
    {
        Dictionary<IncrementalStepRunReason, int> counts = Enum.GetValues<IncrementalStepRunReason>().ToDictionary(reason => reason, _ => 0);
        foreach ((object _, IncrementalStepRunReason reason) in steps.SelectMany(step => step.Outputs))
        {
            counts[reason]++;
        }

        return counts;
    }
}
