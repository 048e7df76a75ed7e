using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Cloexec.Benchmarks.Native;

namespace Cloexec.Benchmarks;

/// <summary>
/// <c>--process-starts</c>: throughput of 8 threads starting <c>/bin/true</c> through <see cref="ForkLock.Start(ProcessStartInfo)"/>
/// against <see cref="Process.Start(ProcessStartInfo)"/>, in one process, interleaved; then the same in a child with the
/// fallback forced while 8 more threads create descriptors through generated wrappers without pause.
/// </summary>
/// <remarks>
/// A block is 8 threads × <see cref="StartsPerThread"/> starts, each waited for, timed by the wall clock (a start is
/// mostly the child's exec, which the parent's CPU clock does not see). Each round runs one block of each, the order
/// alternating; the ratio of a round is Process.Start's block time over ForkLock.Start's (throughput of ForkLock.Start
/// relative to Process.Start), and the verdict is the median over the rounds.
/// </remarks>
internal static class ProcessStartCheck
{
    public const string Argument = "--process-starts";
    public const string BusyChildArgument = "--process-starts-busy-child";

    private const int StartingThreads = 8;
    private const int CreatingThreads = 8;
    private const int StartsPerThread = 10;
    private const int Rounds = 41;

    /// <summary>Markdown.</summary>
    public static string Run()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Rounds} rounds; a block is {StartingThreads} threads × {StartsPerThread} starts of /bin/true (each waited for), wall clock; ratio = Process.Start block time / ForkLock.Start block time (ForkLock.Start's relative throughput): median [p25–p75].");
        text.AppendLine();
        text.AppendLine("| scenario | Process.Start ms/block | ForkLock.Start ms/block | ForkLock.Start / Process.Start throughput |");
        text.AppendLine("|---|---:|---:|---|");
        text.AppendLine(Row("atomic path, no other thread", Measure(creators: false)));
        text.AppendLine(Row($"fallback forced, {CreatingThreads} threads creating descriptors without pause", RunBusyChild()));
        return text.AppendLine().ToString();
    }

    /// <summary>The child's side: measures with creators running on the forced fallback, prints the rounds.</summary>
    public static int RunAsBusyChild()
    {
        if (Environment.GetEnvironmentVariable("CLOEXEC_FORCE_FALLBACK") != "1")
        {
            Console.Error.WriteLine("the busy child must run with CLOEXEC_FORCE_FALLBACK=1");
            return 2;
        }

        Console.WriteLine(Serialize(Measure(creators: true)));
        return 0;
    }

    private sealed record Result(double[] ProcessStartMs, double[] ForkLockStartMs)
    {
        public double[] Ratios => [.. ProcessStartMs.Zip(ForkLockStartMs, (p, f) => p / f)];
    }

    private static Result Measure(bool creators)
    {
        using var stop = new CancellationTokenSource();
        Thread[] creating = creators ? [.. Enumerable.Range(0, CreatingThreads).Select(_ => new Thread(() => Create(stop.Token)) { IsBackground = true })] : [];
        Array.ForEach(creating, t => t.Start());
        try
        {
            _ = Block(Process.Start);
            _ = Block(ForkLock.Start);
            var processStart = new double[Rounds];
            var forkLockStart = new double[Rounds];
            for (int round = 0; round < Rounds; round++)
            {
                if (round % 2 == 0)
                {
                    processStart[round] = Block(Process.Start);
                    forkLockStart[round] = Block(ForkLock.Start);
                }
                else
                {
                    forkLockStart[round] = Block(ForkLock.Start);
                    processStart[round] = Block(Process.Start);
                }
            }

            return new Result(processStart, forkLockStart);
        }
        finally
        {
            stop.Cancel();
            Array.ForEach(creating, t => t.Join());
        }
    }

    /// <summary>Milliseconds for every thread's starts.</summary>
    private static double Block(Func<ProcessStartInfo, Process?> start)
    {
        using var ready = new CountdownEvent(StartingThreads);
        using var go = new ManualResetEventSlim();
        Exception? failure = null;
        Thread[] threads = [.. Enumerable.Range(0, StartingThreads).Select(_ => new Thread(() =>
        {
            try
            {
                var info = new ProcessStartInfo("/bin/true") { UseShellExecute = false };
                ready.Signal();
                go.Wait();
                for (int i = 0; i < StartsPerThread; i++)
                {
                    using Process child = start(info) ?? throw new InvalidOperationException("no child started");
                    child.WaitForExit();
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        }))];
        Array.ForEach(threads, t => t.Start());
        ready.Wait();
        long begin = Stopwatch.GetTimestamp();
        go.Set();
        Array.ForEach(threads, t => t.Join());
        double milliseconds = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        return failure is null ? milliseconds : throw new InvalidOperationException("a start failed", failure);
    }

    /// <summary>Socket and pipe through generated wrappers, closed at once: on the forced fallback each holds the creators' side.</summary>
    private static void Create(CancellationToken stop)
    {
        Span<int> pipe = stackalloc int[2];
        while (!stop.IsCancellationRequested)
        {
            int socket = Generated.Socket(Linux.AfUnix, Linux.SockStream, 0);
            if (socket == -1 || Generated.Pipe2(pipe, 0) == -1)
            {
                throw new InvalidOperationException("a creating call failed");
            }

            _ = HandWritten.Close(socket);
            _ = HandWritten.Close(pipe[0]);
            _ = HandWritten.Close(pipe[1]);
        }
    }

    private static Result RunBusyChild() => Deserialize(FallbackChild.Run(BusyChildArgument));

    private static string Serialize(Result result) =>
        string.Join(',', result.ProcessStartMs.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "\n"
        + string.Join(',', result.ForkLockStartMs.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    private static Result Deserialize(string text)
    {
        double[][] lines = [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];
        return new Result(lines[0], lines[1]);
    }

    private static string Row(string scenario, Result result) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {Percentile(result.ProcessStartMs, 0.5):F1} | {Percentile(result.ForkLockStartMs, 0.5):F1} | {Percentile(result.Ratios, 0.5):F3} [{Percentile(result.Ratios, 0.25):F3}–{Percentile(result.Ratios, 0.75):F3}] |");

    private static double Percentile(IEnumerable<double> values, double fraction)
    {
        double[] sorted = [.. values.Order()];
        double position = fraction * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
