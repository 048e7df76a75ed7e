using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace Cloexec.Audit.Benchmarks;

/// <summary>
/// What the guard costs per process start. Off, a start runs exactly the code it ran before the guard existed plus
/// one static readonly bool the JIT folds away; on, it adds <see cref="InheritanceGuard.FindUnexpected"/> (what
/// ForkLock calls, with the lock held). Measured in one process as the two halves of each pair: the lock's scope alone
/// and a whole start of /bin/true, each without and with the guard's look. This process runs with the guard off.
/// </summary>
[Config(typeof(InProcessShortRun))]
[MemoryDiagnoser]
public class GuardBenchmarks
{
    [Benchmark(Baseline = true, Description = "Exclusive() scope, guard off")]
    public void Exclusive()
    {
        using (ForkLock.Exclusive())
        {
        }
    }

    [Benchmark(Description = "Exclusive() scope, guard on")]
    public int ExclusiveGuarded()
    {
        using (ForkLock.Exclusive())
        {
            return InheritanceGuard.FindUnexpected().Count;
        }
    }

    [Benchmark(Description = "ForkLock.Start(/bin/true), guard off")]
    public void Start()
    {
        using Process child = ForkLock.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!;
        child.WaitForExit();
    }

    [Benchmark(Description = "ForkLock.Start(/bin/true), guard on")]
    public void StartGuarded()
    {
        Process child;
        using (ForkLock.Exclusive())
        {
            _ = InheritanceGuard.FindUnexpected();
            child = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!;
        }

        using (child)
        {
            child.WaitForExit();
        }
    }
}
