using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Cloexec.Benchmarks;

/// <summary>
/// The jobs. Short on purpose: the machine has 2 cores and is shared with other builds, so each benchmark gets
/// 3 warmup and 10 measured iterations, and the ratios, all taken from one run, are what count.
/// </summary>
internal static class BenchmarkJobs
{
    internal const string AtomicId = "Atomic";
    internal const string ForcedFallbackId = "ForcedFallback";
    internal const string GeneratorId = "Generator";

    private const string ForceFallbackVariable = "CLOEXEC_FORCE_FALLBACK";
    private const string DefaultVariable = "CLOEXEC_DEFAULT";

    private static Job Short => Job.Default.WithWarmupCount(3).WithIterationCount(10);

    /// <summary>The runtime as shipped: the atomic way. Set explicitly so that the caller's environment cannot leak in.</summary>
    internal static Job Atomic => Short
        .WithEnvironmentVariables(new EnvironmentVariable(ForceFallbackVariable, "0"), new EnvironmentVariable(DefaultVariable, "1"))
        .WithId(AtomicId);

    /// <summary>
    /// The runtime reads CLOEXEC_FORCE_FALLBACK once per process, so the fallback needs a process of its own:
    /// BenchmarkDotNet starts one per job.
    /// </summary>
    internal static Job ForcedFallback => Short
        .WithEnvironmentVariables(new EnvironmentVariable(ForceFallbackVariable, "1"), new EnvironmentVariable(DefaultVariable, "1"))
        .WithId(ForcedFallbackId);

    internal static Job Generator => Short.WithId(GeneratorId);
}

/// <summary>Runs a class on the atomic path.</summary>
public sealed class AtomicConfig : ManualConfig
{
    public AtomicConfig() => AddJob(BenchmarkJobs.Atomic);
}

/// <summary>Runs a class with the fallback forced.</summary>
public sealed class ForcedFallbackConfig : ManualConfig
{
    public ForcedFallbackConfig() => AddJob(BenchmarkJobs.ForcedFallback);
}

/// <summary>Runs the generator-cost benchmarks.</summary>
public sealed class GeneratorConfig : ManualConfig
{
    public GeneratorConfig() => AddJob(BenchmarkJobs.Generator);
}
