using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Cloexec.Audit.Tests;

/// <summary>
/// The audit as a consumer meets it: this test project's own build imports Cloexec.targets and references the
/// packages of RealPackageTests, so its obj/ holds what the task found; the tool, run as a process over the same
/// output folder, must say the same. Counts are over the builds of every runtime identifier a portable app carries
/// (Tmds.LibC's 32-bit arm build imports creat64 where the 64-bit ones import creat: seven creators always leak).
/// </summary>
public sealed class BuildAuditTests
{
    private static readonly string s_objDirectory = Path.Combine(TestSettings.RepositoryRoot, "audit/Cloexec.Audit.Tests/obj", TestSettings.Configuration, "net10.0");

    [Fact]
    public void The_build_warns_once_per_leaking_package_with_its_counts_and_never_for_a_clean_one()
    {
        string[] warnings = File.ReadAllLines(Path.Combine(s_objDirectory, "cloexec-audit.summary"));

        Assert.Equal(
            [
                "CLOEXEC0301 Mono.Posix.NETStandard 1.0.0: 2 leaking call site(s), 5 public import(s) that always leak",
                "CLOEXEC0301 Mono.Unix 7.1.0-final.1.21458.1: 1 leaking call site(s), 3 public import(s) that always leak",
                "CLOEXEC0301 Terminal.Gui 2.5.0: 3 leaking call site(s), 0 public import(s) that always leak",
                "CLOEXEC0301 Tmds.LibC 0.5.0: 0 leaking call site(s), 7 public import(s) that always leak",
            ],
            warnings.Select(Essentials).Order(StringComparer.Ordinal));
        Assert.All(warnings, w => Assert.EndsWith("; see " + Path.Combine(s_objDirectory, "cloexec-audit.txt"), w, StringComparison.Ordinal));
    }

    [Fact]
    public void The_full_reports_name_every_leaking_call_site_in_text_and_SARIF()
    {
        string text = File.ReadAllText(Path.Combine(s_objDirectory, "cloexec-audit.txt"));
        using JsonDocument sarif = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(s_objDirectory, "cloexec-audit.sarif")));

        Assert.Contains("Leaks: open (libc) at Terminal.Gui.Drivers.TerminalDevice.InitializeUnix", text, StringComparison.Ordinal);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        JsonElement[] results = [.. sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()];
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "CLOEXEC0301"
            && r.GetProperty("locations")[0].TryGetProperty("logicalLocations", out JsonElement logical)
            && logical[0].GetProperty("fullyQualifiedName").GetString() == "Terminal.Gui.Drivers.AnsiOutput..ctor");
        Assert.DoesNotContain(results, r => r.GetProperty("message").GetProperty("text").GetString()!.StartsWith("System.IO.Ports", StringComparison.Ordinal));
    }

    [Fact]
    public void The_tool_over_the_output_folder_agrees_with_the_task()
    {
        string output = Path.GetDirectoryName(typeof(BuildAuditTests).Assembly.Location)!;
        string[] task = File.ReadAllLines(Path.Combine(s_objDirectory, "cloexec-audit.summary")).Select(Essentials).Order(StringComparer.Ordinal).ToArray();

        (int exitCode, string json) = RunTool("--format", "json", output);

        Assert.Equal(1, exitCode);
        using JsonDocument report = JsonDocument.Parse(json);
        string[] tool = report.RootElement.EnumerateArray()
            .Where(d => d.GetProperty("leaks").GetBoolean())
            .Select(d => $"CLOEXEC0301 {d.GetProperty("name").GetString()} {d.GetProperty("version").GetString()}: {d.GetProperty("leakingCallSites").GetInt32()} leaking call site(s), {d.GetProperty("leakingPublicImports").GetInt32()} public import(s) that always leak")
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(task, tool);
    }

    [Fact]
    public void The_tool_exits_0_on_a_clean_package_and_1_on_a_leaking_one_in_every_format()
    {
        Assert.Equal(0, RunTool("--format", "sarif", TestSettings.Nupkg("System.IO.Ports", "10.0.15")).ExitCode);
        (int leaking, string text) = RunTool(TestSettings.Nupkg("Terminal.Gui", "2.5.0"));
        Assert.Equal(1, leaking);
        Assert.StartsWith("CLOEXEC0301: Terminal.Gui 2.5.0 imports 3 descriptor creator(s): 3 leaking call site(s)", text, StringComparison.Ordinal);
        Assert.Equal(2, RunTool("--format", "yaml", TestSettings.Nupkg("Terminal.Gui", "2.5.0")).ExitCode);
    }

    /// <summary>"CLOEXEC0301 Package Version: N leaking call site(s), M public import(s) that always leak" from a summary line.</summary>
    private static string Essentials(string line)
    {
        string[] codeAndText = line.Split('\t');
        string text = codeAndText[1];
        string package = text[..text.IndexOf(" imports ", StringComparison.Ordinal)];
        string counts = text[(text.IndexOf(": ", StringComparison.Ordinal) + 2)..];
        string[] parts = counts.Split(", ");
        return $"{codeAndText[0]} {package}: {parts[0]}, {parts[1]}";
    }

    private static (int ExitCode, string Output) RunTool(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [TestSettings.ToolAssembly, .. arguments]) { RedirectStandardOutput = true, UseShellExecute = false };
        using Process tool = Process.Start(start)!;
        string output = tool.StandardOutput.ReadToEnd();
        tool.WaitForExit();
        return (tool.ExitCode, output);
    }
}
