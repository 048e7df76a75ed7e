using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Cloexec.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/Cloexec.Benchmarks -- --filter '*'</c>: BenchmarkDotNet's usual
/// arguments, plus two of ours, <c>--rounds N</c> (default 3) and <c>--wall-clock</c>. After the run: the ratio
/// table (see <see cref="RatioReport"/>), when the descriptor benchmarks ran the in-process cross-check
/// (<see cref="PairedCheck"/>, alone with <c>--paired-only</c>), and when the generator benchmarks ran the
/// generator checks; printed, and written beside BenchmarkDotNet's own results.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is [PairedCheck.ChildArgument])
        {
            return PairedCheck.RunAsChild();
        }

        if (args is [ProcessStartCheck.BusyChildArgument])
        {
            return ProcessStartCheck.RunAsBusyChild();
        }

        if (args is [ProcessStartCheck.Argument])
        {
            Console.WriteLine(ProcessStartCheck.Run());
            return 0;
        }

        if (args is ["--paired-only"])
        {
            Console.WriteLine(PairedCheck.Run());
            return 0;
        }

        string[] benchmarkDotNetArgs = TakeOwnArguments(args);
        Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(benchmarkDotNetArgs).ToArray();
        BenchmarkReport[] reports = summaries.SelectMany(s => s.Reports).ToArray();
        if (reports.Length == 0)
        {
            return 0;
        }

        string report = "## Ratios measured in this run\n\n" + RatioReport.Build(reports);
        bool ok = true;
        if (reports.Any(r => r.BenchmarkCase.Descriptor.Type == typeof(DescriptorBenchmarks)))
        {
            report += "### Cross-check: the same methods in one process, interleaved (not BenchmarkDotNet)\n\n" + PairedCheck.Run();
        }

        if (reports.Any(r => r.BenchmarkCase.Descriptor.Type == typeof(GeneratorBenchmarks)))
        {
            report += "### Generator checks (not timed)\n\n" + GeneratorChecks.Run(out ok);
        }

        Console.WriteLine();
        Console.WriteLine(report);
        string path = Path.Combine(summaries[0].ResultsDirectoryPath, "Cloexec.Benchmarks-ratios.md");
        File.WriteAllText(path, report);
        Console.WriteLine($"Ratios written to {path}");
        return ok && reports.All(r => r.Success) ? 0 : 1;
    }

    private static string[] TakeOwnArguments(string[] args)
    {
        var rest = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--wall-clock")
            {
                BenchmarkJobs.WallClock = true;
            }
            else if (args[i] == "--rounds" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int rounds) && rounds > 0)
            {
                BenchmarkJobs.Rounds = rounds;
                i++;
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return [.. rest];
    }
}
