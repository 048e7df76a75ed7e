using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace Cloexec.Benchmarks;

/// <summary>
/// The jobs. The machine has 2 cores and is shared with other builds, so three things keep the ratios honest:
/// every process is timed by its CPU time rather than the wall clock (<see cref="ProcessCpuClock"/>), every
/// comparison is measured in rounds, and BenchmarkDotNet runs a family's rounds one after another
/// (family, then job, then method), so that the variants compared are measured minutes, not a quarter of an
/// hour, apart. Short jobs: 3 warmup and 10 measured iterations of 250 ms.
/// </summary>
internal static class BenchmarkJobs
{
    internal const string AtomicKind = "Atomic";
    internal const string ForcedFallbackKind = "ForcedFallback";
    internal const string GeneratorId = "Generator";

    private const string ForceFallbackVariable = "CLOEXEC_FORCE_FALLBACK";
    private const string DefaultVariable = "CLOEXEC_DEFAULT";

    /// <summary>How many times each descriptor benchmark runs, each time in a fresh process (<c>--rounds N</c>).</summary>
    public static int Rounds { get; set; } = 3;

    /// <summary>Time by the wall clock, BenchmarkDotNet's default, instead of the process's CPU time (<c>--wall-clock</c>).</summary>
    public static bool WallClock { get; set; }

    private static Job Short
    {
        get
        {
            Job job = Job.Default.WithWarmupCount(3).WithIterationCount(10).WithIterationTime(TimeInterval.FromMilliseconds(250));
            return WallClock ? job : job.WithClock(new ProcessCpuClock());
        }
    }

    /// <summary>
    /// Per round, the runtime as shipped (the atomic way) and the runtime with the fallback forced. The runtime
    /// reads CLOEXEC_FORCE_FALLBACK once per process, and BenchmarkDotNet starts one process per job and method.
    /// Both variables are set explicitly so that the caller's environment cannot leak in.
    /// </summary>
    public static IEnumerable<Job> Descriptor()
    {
        for (int round = 1; round <= Rounds; round++)
        {
            yield return Short
                .WithEnvironmentVariables(new EnvironmentVariable(ForceFallbackVariable, "0"), new EnvironmentVariable(DefaultVariable, "1"))
                .WithId(Id(round, AtomicKind));
            yield return Short
                .WithEnvironmentVariables(new EnvironmentVariable(ForceFallbackVariable, "1"), new EnvironmentVariable(DefaultVariable, "1"))
                .WithId(Id(round, ForcedFallbackKind));
        }
    }

    /// <summary>
    /// An IDE pays for a keystroke with Roslyn long since compiled to tier 1. A fresh process spends its first 30 to 40
    /// generator runs JIT-compiling Roslyn's binder again in the background, which the CPU clock counts: each run then
    /// costs 3 to 5 times a warm one. So the generator jobs warm up for 40 iterations (one run each at that cost).
    /// </summary>
    public static Job Generator => Short.WithWarmupCount(40).WithId(GeneratorId);

    /// <summary><c>R01-Atomic</c>: ordinal job order is then round order, atomic before fallback.</summary>
    public static string Id(int round, string kind) => string.Create(CultureInfo.InvariantCulture, $"R{round:D2}-{kind}");

    /// <summary>The round and kind of a job id made by <see cref="Id"/>; round 1 and the id itself for any other job.</summary>
    public static (int Round, string Kind) Parse(string id)
    {
        int dash = id.IndexOf('-', StringComparison.Ordinal);
        return id.Length > 1 && id[0] == 'R' && dash > 1 && int.TryParse(id.AsSpan(1, dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int round)
            ? (round, id[(dash + 1)..])
            : (1, id);
    }
}

/// <summary>The descriptor benchmarks' jobs; the forced-fallback jobs run only what they are for.</summary>
public sealed class DescriptorConfig : ManualConfig
{
    public DescriptorConfig()
    {
        foreach (Job job in BenchmarkJobs.Descriptor())
        {
            AddJob(job);
        }

        // With the fallback forced, only the generated wrapper changes; the baseline stays as the process's yardstick.
        AddFilter(new SimpleFilter(benchmark =>
            BenchmarkJobs.Parse(benchmark.Job.ResolvedId).Kind != BenchmarkJobs.ForcedFallbackKind
            || benchmark.Descriptor.WorkloadMethod.GetCustomAttribute<BenchmarkAttribute>()?.Description
                is DescriptorBenchmarks.GeneratedName or DescriptorBenchmarks.LibraryImportFlagName));
    }
}

/// <summary>Runs the generator-cost benchmarks.</summary>
public sealed class GeneratorConfig : ManualConfig
{
    public GeneratorConfig() => AddJob(BenchmarkJobs.Generator);
}
