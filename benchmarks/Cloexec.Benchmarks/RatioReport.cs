using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;

namespace Cloexec.Benchmarks;

/// <summary>
/// Ratios that BenchmarkDotNet's own Ratio column cannot give: it compares only within one job, while the forced
/// fallback needs processes (jobs) of its own and every comparison is repeated in rounds. Every number here comes
/// from the reports of this one run.
/// </summary>
/// <remarks>
/// Within a round, A/B is the median of the ratios of every measured iteration of A to every measured iteration
/// of B (10 x 10 = 100 ratios): robust to one disturbed iteration. A target is judged on the median of the rounds'
/// ratios; the smallest and largest round show the spread. Iteration values are BenchmarkDotNet's per-operation
/// results (overhead subtracted), outliers kept.
/// </remarks>
internal static class RatioReport
{
    private sealed record Row(string Type, string Family, string Variant, string Kind, int Round, bool Baseline, double[] Nanoseconds, long? Allocated)
    {
        public double Median => MedianOf(Nanoseconds);
    }

    private sealed record Spread(double Median, double Min, double Max, int Count);

    public static string Build(IReadOnlyList<BenchmarkReport> reports)
    {
        List<Row> rows = reports.Where(r => r.Success && r.ResultStatistics is not null).Select(ToRow).ToList();
        var text = new StringBuilder();
        AppendDescriptorTables(text, rows.Where(r => r.Type == nameof(DescriptorBenchmarks)).ToList());
        AppendGeneratorTable(text, rows.Where(r => r.Type == nameof(GeneratorBenchmarks)).ToList());
        return text.ToString();
    }

    private static Row ToRow(BenchmarkReport report)
    {
        double[] perOperation = report.AllMeasurements
            .Where(m => m.IterationMode == IterationMode.Workload && m.IterationStage == IterationStage.Result)
            .Select(m => m.Nanoseconds / m.Operations)
            .ToArray();
        var descriptor = report.BenchmarkCase.Descriptor;
        (int round, string kind) = BenchmarkJobs.Parse(report.BenchmarkCase.Job.ResolvedId);
        return new Row(
            descriptor.Type.Name,
            descriptor.Categories.FirstOrDefault() ?? string.Empty,
            descriptor.WorkloadMethod.GetCustomAttribute<BenchmarkAttribute>()?.Description ?? descriptor.WorkloadMethod.Name,
            kind,
            round,
            descriptor.Baseline,
            perOperation,
            report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase));
    }

    private static void AppendDescriptorTables(StringBuilder text, List<Row> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        string[] families = rows.Select(r => r.Family).Distinct().ToArray();
        int rounds = rows.Select(r => r.Round).Distinct().Count();
        string clock = BenchmarkJobs.WallClock ? "wall-clock" : "process CPU";
        text.AppendLine(CultureInfo.InvariantCulture, $"### Create + close, per family ({rounds} round(s), {clock} time; one operation = create the descriptors, close them)");
        text.AppendLine();
        text.AppendLine("Ratio: to (b), the hand-written `[LibraryImport]` passing the flag, measured in the same round's atomic job; " +
                        "median of the rounds, then the smallest and largest round. (d) runs in processes with CLOEXEC_FORCE_FALLBACK=1; " +
                        "\"own baseline\" is (b) measured in that same kind of process.");
        text.AppendLine();
        text.AppendLine("| family | variant | job | median ns/op | ratio | rounds (min–max) | ratio to own process's baseline | allocated B/op |");
        text.AppendLine("|---|---|---|---:|---:|---|---:|---:|");
        foreach (string family in families)
        {
            foreach (IGrouping<(string Kind, string Variant), Row> series in rows
                .Where(r => r.Family == family)
                .GroupBy(r => (r.Kind, r.Variant))
                .OrderBy(g => g.Key.Kind == BenchmarkJobs.AtomicKind ? 0 : 1)
                .ThenBy(g => Order(g.Key.Variant)))
            {
                (string kind, string variant) = series.Key;
                Spread? toBaseline = Rounds(rows, family, (kind, variant), (BenchmarkJobs.AtomicKind, DescriptorBenchmarks.LibraryImportFlagName));
                Spread? toOwn = Rounds(rows, family, (kind, variant), (kind, DescriptorBenchmarks.LibraryImportFlagName));
                double median = MedianOf(series.Select(r => r.Median).ToArray());
                long? allocated = series.Max(r => r.Allocated);
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {family} | {Label(kind, variant)} | {kind} | {median:F1} | {Format(toBaseline?.Median)} | {Range(toBaseline)} | {Format(toOwn?.Median)} | {Bytes(allocated)} |");
            }
        }

        text.AppendLine();
        text.AppendLine("### Targets (median of the rounds' ratios; smallest–largest round in brackets)");
        text.AppendLine();
        text.AppendLine("| family | (a) generated / (b) LibraryImport + flag, target ≤ 1.02 | (d) fallback / (a) atomic, target ≤ 1.15 | same, each normalized by its process's (b) | (a) generated / (e) BCL, target < 1 | (a) allocated B/op, target 0 |");
        text.AppendLine("|---|---|---|---|---|---|");
        var generated = (BenchmarkJobs.AtomicKind, DescriptorBenchmarks.GeneratedName);
        var flag = (BenchmarkJobs.AtomicKind, DescriptorBenchmarks.LibraryImportFlagName);
        var fallback = (BenchmarkJobs.ForcedFallbackKind, DescriptorBenchmarks.GeneratedName);
        var fallbackFlag = (BenchmarkJobs.ForcedFallbackKind, DescriptorBenchmarks.LibraryImportFlagName);
        var bcl = (BenchmarkJobs.AtomicKind, DescriptorBenchmarks.BclName);
        foreach (string family in families)
        {
            Spread? normalized = Combine(rows, family, round =>
                Ratio(Get(rows, family, fallback, round), Get(rows, family, fallbackFlag, round)) / Ratio(Get(rows, family, generated, round), Get(rows, family, flag, round)));
            long? allocated = rows.Where(r => r.Family == family && (r.Kind, r.Variant) == generated).Max(r => r.Allocated);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {family} | {Verdict(Rounds(rows, family, generated, flag), r => r <= 1.02)} | {Verdict(Rounds(rows, family, fallback, generated), r => r <= 1.15)} | " +
                $"{Verdict(normalized, r => r <= 1.15)} | {Verdict(Rounds(rows, family, generated, bcl), r => r < 1)} | " +
                $"{(allocated is { } bytes ? bytes.ToString(CultureInfo.InvariantCulture) + (bytes == 0 ? " met" : " MISSED") : "n/a")} |");
        }

        text.AppendLine();
    }

    private static void AppendGeneratorTable(StringBuilder text, List<Row> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        string clock = BenchmarkJobs.WallClock ? "wall-clock" : "process CPU";
        text.AppendLine(CultureInfo.InvariantCulture, $"### Generator cost, {GeneratorWorkload.MethodCount} declarations in {GeneratorWorkload.FileCount} files ({clock} time)");
        text.AppendLine();
        text.AppendLine("| run | generator | median ms | ratio to LibraryImportGenerator | allocated MB |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (IGrouping<string, Row> category in rows.GroupBy(r => r.Family))
        {
            Row? baseline = category.FirstOrDefault(r => r.Baseline);
            foreach (Row row in category.OrderBy(r => r.Baseline ? 0 : 1))
            {
                string run = category.Key == GeneratorBenchmarks.FullRunCategory ? "full, fresh driver" : "incremental, after an unrelated edit";
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {run} | {row.Variant} | {row.Median / 1e6:F1} | {Format(Ratio(row, baseline))} | {(row.Allocated is { } b ? (b / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) : "?")} |");
            }
        }

        text.AppendLine();
    }

    private static Row? Get(List<Row> rows, string family, (string Kind, string Variant) series, int round) =>
        rows.FirstOrDefault(r => r.Family == family && r.Kind == series.Kind && r.Variant == series.Variant && r.Round == round);

    /// <summary>A/B in every round that measured both.</summary>
    private static Spread? Rounds(List<Row> rows, string family, (string, string) a, (string, string) b) =>
        Combine(rows, family, round => Ratio(Get(rows, family, a, round), Get(rows, family, b, round)));

    private static Spread? Combine(List<Row> rows, string family, Func<int, double?> perRound)
    {
        double[] values = rows.Where(r => r.Family == family).Select(r => r.Round).Distinct().Order()
            .Select(perRound).Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        return values.Length == 0 ? null : new Spread(MedianOf(values), values.Min(), values.Max(), values.Length);
    }

    /// <summary>The median of every pairwise ratio a_i / b_j.</summary>
    private static double? Ratio(Row? a, Row? b)
    {
        if (a is null || b is null || a.Nanoseconds.Length == 0 || b.Nanoseconds.Length == 0)
        {
            return null;
        }

        return MedianOf(a.Nanoseconds.SelectMany(x => b.Nanoseconds.Select(y => x / y)).ToArray());
    }

    private static double MedianOf(double[] values)
    {
        double[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Label(string kind, string variant) => kind == BenchmarkJobs.ForcedFallbackKind && variant == DescriptorBenchmarks.GeneratedName
        ? "(d) generated, fallback forced"
        : variant switch
        {
            DescriptorBenchmarks.GeneratedName => "(a) generated, atomic",
            DescriptorBenchmarks.LibraryImportFlagName => "(b) LibraryImport + flag (baseline)",
            DescriptorBenchmarks.LibraryImportNoFlagName => "(c) LibraryImport, no flag",
            DescriptorBenchmarks.BclName => "(e) BCL",
            _ => variant,
        };

    private static int Order(string variant) => variant switch
    {
        DescriptorBenchmarks.GeneratedName => 0,
        DescriptorBenchmarks.LibraryImportFlagName => 1,
        DescriptorBenchmarks.LibraryImportNoFlagName => 2,
        _ => 3,
    };

    private static string Format(double? ratio) => ratio is { } r ? r.ToString("F3", CultureInfo.InvariantCulture) : "n/a";

    private static string Range(Spread? spread) => spread is null ? "n/a" : $"{Format(spread.Min)}–{Format(spread.Max)} ({spread.Count})";

    private static string Verdict(Spread? spread, Func<double, bool> met) =>
        spread is null ? "n/a" : $"{Format(spread.Median)} [{Format(spread.Min)}–{Format(spread.Max)}] {(met(spread.Median) ? "met" : "MISSED")}";

    private static string Bytes(long? bytes) => bytes is { } b ? b.ToString(CultureInfo.InvariantCulture) : "?";
}
