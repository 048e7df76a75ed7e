using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Cloexec.Audit.Inputs;

namespace Cloexec.Audit.Benchmarks;

/// <summary>
/// What the build-time audit costs: every assembly of a real app's output folder read and judged, as the task does
/// on a full (non-incremental) build. The app is this program: Terminal.Gui with its dependencies, Mono.Posix,
/// Tmds.LibC, System.IO.Ports, BenchmarkDotNet and its own, the Cloexec runtime.
/// </summary>
[Config(typeof(InProcessShortRun))]
[MemoryDiagnoser]
public class AuditBenchmarks
{
    private readonly string _folder = AppContext.BaseDirectory;

    [GlobalSetup]
    public void CountAssemblies() =>
        Console.WriteLine($"// auditing {Directory.EnumerateFiles(_folder, "*.dll", SearchOption.AllDirectories).Count()} files in {_folder}");

    [Benchmark(Description = "audit the app's output folder")]
    public int AuditApp() => AuditInputs.Audit([_folder]).Count(d => d.Leaks);

    [Benchmark(Baseline = true, Description = "Terminal.Gui.dll alone")]
    public int AuditTerminalGui() => AssemblyAuditor.Audit(Path.Combine(_folder, "Terminal.Gui.dll")).Findings.Count;
}
