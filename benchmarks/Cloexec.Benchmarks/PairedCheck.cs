using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace Cloexec.Benchmarks;

/// <summary>
/// A cross-check of the descriptor ratios that does not depend on BenchmarkDotNet's one-process-per-benchmark
/// model: the same benchmark methods, run in one process, interleaved in short blocks.
/// </summary>
/// <remarks>
/// On a shared machine two processes measured a few seconds apart can differ by 15% for the same code, which
/// swamps a 2% target. Here every block runs each variant once (10 ms of CPU time each, the order rotating
/// from block to block), so a and b of one block see the same neighbours, and a/b is the median of the
/// 100 blocks' a_k/b_k. The fallback needs a process of its own: a child started with CLOEXEC_FORCE_FALLBACK=1
/// measures (d) against (b) the same way, and (d)/(a) is then (d/b in the child) / (a/b here).
/// </remarks>
internal static class PairedCheck
{
    public const string ChildArgument = "--paired-fallback-child";

    private const int Blocks = 100;
    private const double BlockNanoseconds = 10e6;
    private const double WarmupNanoseconds = 300e6;

    private sealed record Series(string Family, string Variant, double[] NanosecondsPerOperation);

    /// <summary>Markdown.</summary>
    public static string Run()
    {
        bool forced = Environment.GetEnvironmentVariable("CLOEXEC_FORCE_FALLBACK") is "1" or "true" or "TRUE" or "True";
        if (forced || !CloexecDefault.Current)
        {
            return "Skipped: this process has CLOEXEC_FORCE_FALLBACK set or CLOEXEC_DEFAULT off.\n\n";
        }

        List<Series> atomic = Measure(fallbackChild: false);
        List<Series> fallback = RunChild();

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Blocks} blocks per family, each variant {BlockNanoseconds / 1e6:F0} ms of process CPU time per block, order rotating; ratios are medians of the per-block ratios, p25–p75 in brackets.");
        text.AppendLine();
        text.AppendLine("| family | (a) ns/op | (b) ns/op | (c) ns/op | (e) ns/op | (a)/(b) | (c)/(b) | (a)/(e) | (d)/(b) in the fallback process | (d)/(a), normalized |");
        text.AppendLine("|---|---:|---:|---:|---:|---|---|---|---|---|");
        foreach (string family in atomic.Select(s => s.Family).Distinct())
        {
            Series? a = Find(atomic, family, DescriptorBenchmarks.GeneratedName);
            Series? b = Find(atomic, family, DescriptorBenchmarks.LibraryImportFlagName);
            Series? c = Find(atomic, family, DescriptorBenchmarks.LibraryImportNoFlagName);
            Series? e = Find(atomic, family, DescriptorBenchmarks.BclName);
            Series? d = Find(fallback, family, DescriptorBenchmarks.GeneratedName);
            Series? bFallback = Find(fallback, family, DescriptorBenchmarks.LibraryImportFlagName);
            double[]? ab = Paired(a, b);
            double[]? db = Paired(d, bFallback);
            double? normalized = ab is null || db is null ? null : Median(db) / Median(ab);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {family} | {Ns(a)} | {Ns(b)} | {Ns(c)} | {Ns(e)} | {Quartiles(ab)} | {Quartiles(Paired(c, b))} | {Quartiles(Paired(a, e))} | {Quartiles(db)} | " +
                $"{(normalized is { } n ? n.ToString("F3", CultureInfo.InvariantCulture) : "n/a")} |");
        }

        return text.AppendLine().ToString();
    }

    /// <summary>The child's side: measures (d) and (b) with the fallback forced and prints the blocks.</summary>
    public static int RunAsChild()
    {
        foreach (Series series in Measure(fallbackChild: true))
        {
            Console.WriteLine(string.Join('\t', series.Family, series.Variant,
                string.Join(',', series.NanosecondsPerOperation.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
        }

        return 0;
    }

    private static List<Series> RunChild()
    {
        string output = FallbackChild.Run(ChildArgument);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 3)
            .Select(parts => new Series(parts[0], parts[1], parts[2].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()))
            .ToList();
    }

    private static List<Series> Measure(bool fallbackChild)
    {
        var benchmarks = new DescriptorBenchmarks();
        benchmarks.Prepare();
        var clock = new ProcessCpuClock();
        var results = new List<Series>();
        try
        {
            foreach (IGrouping<string, (string Variant, Func<int, long> Loop)> family in Variants(benchmarks, fallbackChild))
            {
                (string Variant, Func<int, long> Loop)[] variants = [.. family];
                foreach ((_, Func<int, long> loop) in variants)
                {
                    for (long start = clock.GetTimestamp(); clock.GetTimestamp() - start < WarmupNanoseconds;)
                    {
                        _ = loop(1000);
                    }
                }

                // Operations per block: about BlockNanoseconds of the slowest variant's CPU time.
                double slowest = variants.Max(v => PerOperation(clock, v.Loop, 2000));
                int operations = Math.Max(100, (int)(BlockNanoseconds / slowest));

                var perVariant = variants.Select(_ => new double[Blocks]).ToArray();
                for (int block = 0; block < Blocks; block++)
                {
                    for (int step = 0; step < variants.Length; step++)
                    {
                        int index = (block + step) % variants.Length;
                        perVariant[index][block] = PerOperation(clock, variants[index].Loop, operations);
                    }
                }

                results.AddRange(variants.Select((v, i) => new Series(family.Key, v.Variant, perVariant[i])));
            }
        }
        finally
        {
            benchmarks.Cleanup();
        }

        return results;
    }

    private static double PerOperation(ProcessCpuClock clock, Func<int, long> loop, int operations)
    {
        long start = clock.GetTimestamp();
        _ = loop(operations);
        return (clock.GetTimestamp() - start) / (double)operations;
    }

    /// <summary>Every [Benchmark] method of the class, by family; in the child only (a) and (b).</summary>
    private static IEnumerable<IGrouping<string, (string Variant, Func<int, long> Loop)>> Variants(DescriptorBenchmarks benchmarks, bool fallbackChild) =>
        typeof(DescriptorBenchmarks).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(method => (Method: method, Benchmark: method.GetCustomAttribute<BenchmarkAttribute>(), Category: method.GetCustomAttribute<BenchmarkCategoryAttribute>()))
            .Where(m => m.Benchmark?.Description is not null && m.Category is not null)
            .Where(m => !fallbackChild || m.Benchmark!.Description is DescriptorBenchmarks.GeneratedName or DescriptorBenchmarks.LibraryImportFlagName)
            .GroupBy(m => m.Category!.Categories[0], m => (m.Benchmark!.Description!, Loop(benchmarks, m.Method)));

    private static Func<int, long> Loop(DescriptorBenchmarks benchmarks, MethodInfo method)
    {
        if (method.ReturnType == typeof(int))
        {
            Func<int> call = method.CreateDelegate<Func<int>>(benchmarks);
            return operations =>
            {
                long sum = 0;
                for (int i = 0; i < operations; i++)
                {
                    sum += call();
                }

                return sum;
            };
        }

        Func<bool> test = method.CreateDelegate<Func<bool>>(benchmarks);
        return operations =>
        {
            long sum = 0;
            for (int i = 0; i < operations; i++)
            {
                sum += test() ? 1 : 0;
            }

            return sum;
        };
    }

    private static Series? Find(List<Series> series, string family, string variant) =>
        series.FirstOrDefault(s => s.Family == family && s.Variant == variant);

    private static double[]? Paired(Series? a, Series? b) =>
        a is null || b is null ? null : a.NanosecondsPerOperation.Zip(b.NanosecondsPerOperation, (x, y) => x / y).ToArray();

    private static double Median(double[] values) => Quantile(values, 0.5);

    private static double Quantile(double[] values, double q)
    {
        double[] sorted = [.. values.Order()];
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    private static string Ns(Series? series) =>
        series is null ? "n/a" : Median(series.NanosecondsPerOperation).ToString("F0", CultureInfo.InvariantCulture);

    private static string Quartiles(double[]? ratios) => ratios is null
        ? "n/a"
        : string.Create(CultureInfo.InvariantCulture, $"{Median(ratios):F3} [{Quantile(ratios, 0.25):F3}–{Quantile(ratios, 0.75):F3}]");
}
