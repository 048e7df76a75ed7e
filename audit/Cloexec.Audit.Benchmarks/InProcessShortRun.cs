using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Cloexec.Audit.Benchmarks;

/// <summary>
/// BenchmarkDotNet's short run, in this process: the machine is shared, and BenchmarkDotNet's own rebuild of this
/// program (Terminal.Gui and all) exceeds its build timeout there.
/// </summary>
internal sealed class InProcessShortRun : ManualConfig
{
    public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
}
