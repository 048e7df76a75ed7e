using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;

namespace Cloexec.Benchmarks;

/// <summary>
/// Generator cost: ours over 1,000 [CreatesDescriptor] declarations against the SDK's LibraryImportGenerator
/// over the same 1,000 declarations as [LibraryImport], both run the same way on the same Roslyn.
/// </summary>
[Config(typeof(GeneratorConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratorBenchmarks
{
    internal const string FullRunCategory = "generator-full";
    internal const string IncrementalCategory = "generator-incremental";

    private GeneratorWorkload _ours = null!;
    private GeneratorWorkload _sdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ours = GeneratorWorkload.CreatesDescriptor();
        _sdk = GeneratorWorkload.LibraryImport();
    }

    [Benchmark(Description = "LibraryImportGenerator", Baseline = true), BenchmarkCategory(FullRunCategory)]
    public GeneratorDriver LibraryImportFullRun() => _sdk.FullRun();

    [Benchmark(Description = "CreatesDescriptorGenerator"), BenchmarkCategory(FullRunCategory)]
    public GeneratorDriver CreatesDescriptorFullRun() => _ours.FullRun();

    [Benchmark(Description = "LibraryImportGenerator", Baseline = true), BenchmarkCategory(IncrementalCategory)]
    public GeneratorDriver LibraryImportIncremental() => _sdk.IncrementalRun();

    [Benchmark(Description = "CreatesDescriptorGenerator"), BenchmarkCategory(IncrementalCategory)]
    public GeneratorDriver CreatesDescriptorIncremental() => _ours.IncrementalRun();
}
