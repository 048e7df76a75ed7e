using System;
using System.Diagnostics;
using System.IO;

namespace Cloexec.Benchmarks;

/// <summary>
/// This benchmark program run again as a child with the fallback forced: the runtime reads CLOEXEC_FORCE_FALLBACK
/// once per process, so a measurement of the fallback needs a process of its own.
/// </summary>
internal static class FallbackChild
{
    /// <summary>Runs the child with <paramref name="argument"/> and returns what it printed; throws when it fails.</summary>
    public static string Run(string argument)
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FallbackChild).Assembly.Location);
        }

        start.ArgumentList.Add(argument);
        start.Environment["CLOEXEC_FORCE_FALLBACK"] = "1";
        start.Environment["CLOEXEC_DEFAULT"] = "1";
        using Process child = Process.Start(start) ?? throw new InvalidOperationException($"could not start the fallback child ({argument})");
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        return child.ExitCode == 0 ? output : throw new InvalidOperationException($"the fallback child ({argument}) exited with {child.ExitCode}");
    }
}
