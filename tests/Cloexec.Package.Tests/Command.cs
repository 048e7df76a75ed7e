using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Sdk;

namespace Cloexec.Package.Tests;

/// <summary>The result of one external command: everything it printed, stdout and stderr interleaved, and stdout alone.</summary>
internal sealed record CommandResult(string Description, int ExitCode, string Output, string StandardOutput, TimeSpan Duration)
{
    /// <summary>For a failure message: the command, its exit code, and its full output.</summary>
    public string Transcript => $"$ {Description}\n(exit code {ExitCode}, {Duration.TotalSeconds:F1} s)\n{Output}";
}

/// <summary>Runs external commands (dotnet, the published binary) with a timeout and a clean environment.</summary>
internal static class Command
{
    /// <summary>Every external command gets at most this long; a hung build must not hang CI.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Runs the command and fails the test, with the full output, unless it exits 0.</summary>
    public static CommandResult Succeed(string workingDirectory, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        CommandResult result = Run(workingDirectory, fileName, arguments, environment);
        if (result.ExitCode != 0)
        {
            throw new XunitException("A command failed:\n" + result.Transcript);
        }

        return result;
    }

    public static CommandResult Run(string workingDirectory, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        CleanEnvironment(start.Environment);
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        string description = fileName + " " + string.Join(' ', start.ArgumentList) + " (in " + workingDirectory + ")";
        var output = new StringBuilder();
        var standardOutput = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.Append(e.Data).Append('\n');
                standardOutput.Append(e.Data).Append('\n');
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.Append(e.Data).Append('\n');
            }
        };

        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            // Waits for the exit and for the end of both streams.
            process.WaitForExitAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(30));
            lock (output)
            {
                throw new XunitException($"A command timed out after {Timeout.TotalMinutes} minutes:\n$ {description}\n{output}");
            }
        }

        lock (output)
        {
            return new CommandResult(description, process.ExitCode, output.ToString(), standardOutput.ToString(), stopwatch.Elapsed);
        }
    }

    /// <summary>
    /// What this test host inherited from `dotnet test` must not reach the commands: MSBuild's own variables would
    /// point the child builds at this build, and CLOEXEC_* would change what the consumer prints. Builds leave no
    /// server or node process behind, whose inherited pipes would keep a command's output open.
    /// </summary>
    private static void CleanEnvironment(IDictionary<string, string?> environment)
    {
        var names = new List<string>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            names.Add((string)entry.Key);
        }

        foreach (string name in names)
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("CLOEXEC_", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                environment.Remove(name);
            }
        }

        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["UseSharedCompilation"] = "false";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
    }
}
