using System;
using System.Diagnostics;
using System.IO;
using Cloexec.Testing;

namespace Cloexec.Tests;

/// <summary>
/// A C program the tests compile with this machine's gcc and run: the independent side of a check (the headers'
/// values, a peer process). On a linux-arm64 run (.ci/run-arm64) the gcc found first is the aarch64 cross compiler.
/// </summary>
internal static class CProgram
{
    /// <summary>
    /// Compiles <paramref name="source"/> (what it is <paramref name="neededFor"/>) into <paramref name="program"/>:
    /// skips the test without gcc, throws with gcc's own words when the compilation fails.
    /// </summary>
    public static void Compile(string source, string program, string neededFor)
    {
        Requirement.Program(neededFor, "`apt-get install gcc libc6-dev`", "gcc");
        Run("gcc", $"-o {program} {source}");
    }

    /// <summary>Runs <paramref name="file"/> to its end; its standard output, or an exception naming its exit code and errors.</summary>
    public static string Run(string file, string arguments)
    {
        using Process process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException(file + " did not start");
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited {process.ExitCode}: {error}");
        }

        return output;
    }

    /// <summary>The path of a file beside the calling source file (<paramref name="relative"/> to its folder): the tests run where they were built.</summary>
    public static string SourceOf(string relative, [System.Runtime.CompilerServices.CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, relative);
}
