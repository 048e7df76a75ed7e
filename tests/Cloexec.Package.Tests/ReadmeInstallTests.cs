using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Cloexec.Package.Tests;

/// <summary>
/// The README's Install section, followed as written by a newcomer: its shell commands, run one after the other in
/// an empty folder (only <c>git clone</c> is replaced, by a link to this checkout, so that what is tested is what is
/// here); its project setting; then its quick start as the whole Program.cs, built and run against the package
/// those commands made.
/// </summary>
public sealed partial class ReadmeInstallTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _root = PackageFixture.FindRepositoryRoot();
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cloexec-readme-install", Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_install_commands_and_the_quick_start_work_as_written()
    {
        string readme = File.ReadAllText(Path.Combine(_root, "README.md"));
        string install = Section(readme, "## Install");
        string[] commands = Blocks(install, "sh").First().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string unsafeSetting = Blocks(install, "xml").First(b => b.Contains("AllowUnsafeBlocks", StringComparison.Ordinal));
        string quickStart = Blocks(Section(readme, "## Quick start"), "csharp").First();
        string version = PackageFixture.VersionPrefix(_root);

        // The README's PackageReference names the version the repository builds.
        Assert.Contains($"<PackageReference Include=\"Cloexec\" Version=\"{version}\" />", install, StringComparison.Ordinal);

        Directory.CreateDirectory(_work);
        ForgetRestoredPackage(version);
        string folder = _work;
        foreach (string command in commands)
        {
            Match clone = Regex.Match(command, @"^git clone \S+ ?(\S*)$");
            Match cd = Regex.Match(command, @"^cd (\S+)$");
            if (clone.Success)
            {
                string name = clone.Groups[1].Value is { Length: > 0 } given ? given : "Cloexec.Generators";
                Directory.CreateSymbolicLink(Path.Combine(folder, name), _root);
            }
            else if (cd.Success)
            {
                folder = Path.GetFullPath(Path.Combine(folder, cd.Groups[1].Value));
            }
            else
            {
                Record(Command.Succeed(folder, "bash", ["-c", command]));
            }
        }

        // "Then allow unsafe code in the project file": the README's property, in the project's PropertyGroup.
        string project = Directory.GetFiles(folder, "*.csproj").Single();
        XDocument document = XDocument.Load(project);
        XElement setting = XElement.Parse(unsafeSetting).Elements().Single();
        document.Root!.Elements("PropertyGroup").First().Add(setting);
        document.Save(project);
        Assert.Contains("Include=\"Cloexec\"", File.ReadAllText(project), StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(folder, "Program.cs"), quickStart);
        CommandResult run = Command.Succeed(folder, "dotnet", ["run"]);
        Record(run);

        // What the README says it prints: the default socket and both pipe ends close-on-exec, the shared one not.
        string[] lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 3
            && Regex.IsMatch(lines[0], @"^socket \d+: close-on-exec True$")
            && Regex.IsMatch(lines[1], @"^socket \d+: close-on-exec False$")
            && Regex.IsMatch(lines[2], @"^pipe \d+, \d+: close-on-exec True, True$"),
            "the quick start printed something else:\n" + run.Transcript);
    }

    public void Dispose()
    {
        ForgetRestoredPackage(PackageFixture.VersionPrefix(_root));
        try
        {
            if (Directory.Exists(_work))
            {
                Directory.Delete(_work, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// NuGet keeps the first copy of a version it restored: a copy an earlier run left would hide this one (the
    /// README says the same to its readers).
    /// </summary>
    private static void ForgetRestoredPackage(string version)
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string restored = Path.Combine(packages, "cloexec", version);
        if (Directory.Exists(restored))
        {
            Directory.Delete(restored, recursive: true);
        }
    }

    private void Record(CommandResult result) => log.WriteLine($"{result.Duration.TotalSeconds,6:F1} s  {result.Description}\n{result.Output}");

    private static string Section(string markdown, string heading)
    {
        int start = markdown.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the README has no '{heading}'");
        int end = markdown.IndexOf("\n## ", start + heading.Length + 2, StringComparison.Ordinal);
        return markdown[start..(end < 0 ? markdown.Length : end)];
    }

    private static IEnumerable<string> Blocks(string markdown, string language) =>
        FencedBlock().Matches(markdown).Where(m => m.Groups[1].Value == language).Select(m => m.Groups[2].Value);

    [GeneratedRegex(@"```(\w+)[^\n]*\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
