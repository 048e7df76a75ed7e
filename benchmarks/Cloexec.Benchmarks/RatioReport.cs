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
/// Ratios that BenchmarkDotNet's own Ratio column cannot give: it compares only within one job, and the forced
/// fallback needs a process (a job) of its own. Every number here comes from the reports of one run.
/// </summary>
/// <remarks>
/// A ratio A/B is the median of the ratios of every measured iteration of A to every measured iteration of B
/// (10 x 10 = 100 ratios with the default jobs): robust to a single disturbed iteration on a shared machine.
/// Iteration values are BenchmarkDotNet's per-operation results (overhead subtracted), outliers kept.
/// </remarks>
internal static class RatioReport
{
    private sealed record Row(string Type, string Family, string Variant, string Job, bool Baseline, double[] Nanoseconds, long? Allocated)
    {
        public double Median => MedianOf(Nanoseconds);
    }

    public static string Build(IReadOnlyList<BenchmarkReport> reports)
    {
        List<Row> rows = reports.Where(r => r.Success && r.ResultStatistics is not null).Select(ToRow).ToList();
        var text = new StringBuilder();
        AppendDescriptorTables(text, rows.Where(r => r.Type is nameof(AtomicPath) or nameof(ForcedFallback)).ToList());
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
        return new Row(
            descriptor.Type.Name,
            descriptor.Categories.FirstOrDefault() ?? string.Empty,
            descriptor.WorkloadMethod.GetCustomAttribute<BenchmarkAttribute>()?.Description ?? descriptor.WorkloadMethod.Name,
            report.BenchmarkCase.Job.ResolvedId,
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
        text.AppendLine("### Create + close, per family (one operation = create the descriptors, close them)");
        text.AppendLine();
        text.AppendLine("Ratio: to the hand-written `[LibraryImport]` passing the flag, in the atomic process. " +
                        "(d) runs in its own process with CLOEXEC_FORCE_FALLBACK=1; \"own baseline\" is the same hand-written call measured in that process.");
        text.AppendLine();
        text.AppendLine("| family | variant | process (job) | median ns/op | ratio | ratio to own process's baseline | allocated B/op |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|");
        foreach (string family in families)
        {
            Row? baseline = Find(rows, family, BenchmarkJobs.AtomicId, DescriptorBenchmarks.LibraryImportFlagName);
            foreach (Row row in rows.Where(r => r.Family == family).OrderBy(r => r.Job == BenchmarkJobs.AtomicId ? 0 : 1).ThenBy(r => Order(r.Variant)))
            {
                Row? own = rows.FirstOrDefault(r => r.Family == family && r.Job == row.Job && r.Baseline);
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {family} | {Label(row)} | {row.Job} | {row.Median:F1} | {Format(Ratio(row, baseline))} | {Format(Ratio(row, own))} | {Bytes(row.Allocated)} |");
            }
        }

        text.AppendLine();
        text.AppendLine("### Targets");
        text.AppendLine();
        text.AppendLine("| family | (a) generated / (b) LibraryImport + flag, target ≤ 1.02 | (d) fallback / (a) atomic, target ≤ 1.15 | same, each normalized by its process's baseline | (a) generated / (e) BCL, target < 1 | (a) allocated B/op, target 0 |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (string family in families)
        {
            Row? generated = Find(rows, family, BenchmarkJobs.AtomicId, DescriptorBenchmarks.GeneratedName);
            Row? flag = Find(rows, family, BenchmarkJobs.AtomicId, DescriptorBenchmarks.LibraryImportFlagName);
            Row? fallback = Find(rows, family, BenchmarkJobs.ForcedFallbackId, DescriptorBenchmarks.GeneratedName);
            Row? fallbackFlag = Find(rows, family, BenchmarkJobs.ForcedFallbackId, DescriptorBenchmarks.LibraryImportFlagName);
            Row? bcl = Find(rows, family, BenchmarkJobs.AtomicId, DescriptorBenchmarks.BclName);

            double? normalized = Ratio(fallback, fallbackFlag) / Ratio(generated, flag);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {family} | {Verdict(Ratio(generated, flag), r => r <= 1.02)} | {Verdict(Ratio(fallback, generated), r => r <= 1.15)} | " +
                $"{Verdict(normalized, r => r <= 1.15)} | {Verdict(Ratio(generated, bcl), r => r < 1)} | " +
                $"{(generated?.Allocated is { } bytes ? bytes.ToString(CultureInfo.InvariantCulture) + (bytes == 0 ? " met" : " MISSED") : "n/a")} |");
        }

        text.AppendLine();
    }

    private static void AppendGeneratorTable(StringBuilder text, List<Row> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"### Generator cost, {GeneratorWorkload.MethodCount} declarations in {GeneratorWorkload.FileCount} files");
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

    private static Row? Find(List<Row> rows, string family, string job, string variant) =>
        rows.FirstOrDefault(r => r.Family == family && r.Job == job && r.Variant == variant);

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

    private static string Label(Row row) => row.Job == BenchmarkJobs.ForcedFallbackId && row.Variant == DescriptorBenchmarks.GeneratedName
        ? "(d) generated, fallback forced"
        : row.Variant switch
        {
            DescriptorBenchmarks.GeneratedName => "(a) generated, atomic",
            DescriptorBenchmarks.LibraryImportFlagName => "(b) LibraryImport + flag (baseline)",
            DescriptorBenchmarks.LibraryImportNoFlagName => "(c) LibraryImport, no flag",
            DescriptorBenchmarks.BclName => "(e) BCL",
            _ => row.Variant,
        };

    private static int Order(string variant) => variant switch
    {
        DescriptorBenchmarks.GeneratedName => 0,
        DescriptorBenchmarks.LibraryImportFlagName => 1,
        DescriptorBenchmarks.LibraryImportNoFlagName => 2,
        _ => 3,
    };

    private static string Format(double? ratio) => ratio is { } r ? r.ToString("F3", CultureInfo.InvariantCulture) : "n/a";

    private static string Verdict(double? ratio, Func<double, bool> met) =>
        ratio is { } r ? $"{Format(r)} {(met(r) ? "met" : "MISSED")}" : "n/a";

    private static string Bytes(long? bytes) => bytes is { } b ? b.ToString(CultureInfo.InvariantCulture) : "?";
}
