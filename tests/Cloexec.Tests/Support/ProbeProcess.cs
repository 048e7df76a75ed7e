using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Cloexec.Testing;

namespace Cloexec.Tests;

/// <summary>One run of tests/Cloexec.Probe: each marked call's descriptors with FD_CLOEXEC, and optionally its syscalls.</summary>
internal sealed partial class ProbeProcess
{
    private ProbeProcess(Dictionary<string, List<(int Fd, bool Cloexec)>> descriptors, Dictionary<string, string[]> syscalls)
    {
        Descriptors = descriptors;
        Syscalls = syscalls;
    }

    /// <summary>
    /// Per call (<see cref="ProbeSegments.Call"/>: family and round), the descriptors the default call created and
    /// whether they are close-on-exec.
    /// </summary>
    public Dictionary<string, List<(int Fd, bool Cloexec)>> Descriptors { get; }

    /// <summary>
    /// Per marked segment (every call, and <see cref="ProbeSegments.Anchor"/>), the syscalls between its markers,
    /// in trace order (empty without strace).
    /// </summary>
    public Dictionary<string, string[]> Syscalls { get; }

    /// <param name="switches">AppContext switches, given to the probe through a runtimeconfig.json of its own.</param>
    public static ProbeProcess Run(IReadOnlyDictionary<string, string> environment, bool trace, IReadOnlyDictionary<string, bool>? switches = null)
    {
        if (trace)
        {
            Requirement.Program("tracing the probe's system calls", "`apt-get install strace`", "strace");
        }

        string trace_file = Path.Combine(Path.GetTempPath(), "cloexec-strace-" + Guid.NewGuid().ToString("N"));
        string? runtimeConfig = switches is null ? null : RuntimeConfigWith(switches);
        var start = new ProcessStartInfo(trace ? "strace" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (trace)
        {
            // Only the main thread (no -f): the wrappers run there, the runtime's own threads stay out of the trace.
            foreach (string argument in new[] { "-s", "256", "-o", trace_file, "dotnet" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        if (runtimeConfig is not null)
        {
            foreach (string argument in new[] { "exec", "--runtimeconfig", runtimeConfig })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add(ProbePath);
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("the probe did not start");
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the probe failed ({process.ExitCode}): {errors}");
        }

        var descriptors = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .GroupBy(fields => ProbeSegments.Call(fields[0], int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToDictionary(g => g.Key, g => g.Select(f => (int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), f[3] == "1")).ToList());
        Dictionary<string, string[]> syscalls = trace ? Segments(File.ReadAllLines(trace_file)) : [];
        if (trace)
        {
            File.Delete(trace_file);
        }

        if (runtimeConfig is not null)
        {
            File.Delete(runtimeConfig);
        }

        return new ProbeProcess(descriptors, syscalls);
    }

    /// <summary>The probe's runtimeconfig.json with <paramref name="switches"/> added to its configProperties.</summary>
    private static string RuntimeConfigWith(IReadOnlyDictionary<string, bool> switches)
    {
        string original = Path.ChangeExtension(ProbePath, ".runtimeconfig.json");
        var config = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(original))!;
        var properties = config["runtimeOptions"]!["configProperties"] ??= new System.Text.Json.Nodes.JsonObject();
        foreach ((string name, bool value) in switches)
        {
            properties[name] = value;
        }

        string path = Path.Combine(Path.GetTempPath(), "cloexec-probe-" + Guid.NewGuid().ToString("N") + ".runtimeconfig.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }

    /// <summary>Where the probe is built: beside this test assembly's folder, same configuration.</summary>
    private static string ProbePath
    {
        get
        {
            var ownFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            string framework = ownFolder.Name;
            string configuration = ownFolder.Parent!.Name;
            DirectoryInfo testsFolder = ownFolder.Parent.Parent!.Parent!.Parent!;
            return Path.Combine(testsFolder.FullName, "Cloexec.Probe", "bin", configuration, framework, "Cloexec.Probe.dll");
        }
    }

    private static Dictionary<string, string[]> Segments(string[] lines)
    {
        var segments = new Dictionary<string, string[]>();
        string? current = null;
        var inside = new List<string>();
        foreach (string line in lines)
        {
            Match marker = Marker().Match(line);
            if (marker.Success && marker.Groups[1].Value == "BEGIN")
            {
                current = marker.Groups[2].Value;
                inside.Clear();
            }
            else if (marker.Success && current is not null)
            {
                segments[current] = [.. inside];
                current = null;
            }
            else if (current is not null)
            {
                inside.Add(line);
            }
        }

        return segments;
    }

    [GeneratedRegex("""^write\(\d+, "(BEGIN|END) (.*)\\n", \d+\)""")]
    private static partial Regex Marker();
}
