using System;
using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace Cloexec.Benchmarks;

/// <summary>
/// The CPU time of the whole process, kernel time included: <c>clock_gettime(CLOCK_PROCESS_CPUTIME_ID)</c>.
/// </summary>
/// <remarks>
/// On a shared 2-core machine the wall clock also counts the time other processes run while the benchmark waits
/// for a core; CPU time does not, and a system call's kernel work is still counted. What remains is the
/// slowdown that neighbours cause through shared caches, which rounds and ratios absorb. BenchmarkDotNet creates
/// it in the benchmark process with <c>Activator.CreateInstance</c>, hence public with a public constructor.
/// </remarks>
public sealed partial class ProcessCpuClock : IClock
{
    private const int ClockProcessCpuTimeId = 2;

    public string Title => "ProcessCpuTime";

    public bool IsAvailable => OperatingSystem.IsLinux();

    public Frequency Frequency => Frequency.GHz;

    public long GetTimestamp()
    {
        if (ClockGetTime(ClockProcessCpuTimeId, out TimeSpec time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    public override string ToString() => Title;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);
}
