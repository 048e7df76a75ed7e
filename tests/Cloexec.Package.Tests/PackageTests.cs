using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml.Linq;
using Cloexec.Testing;
using Xunit;
using Xunit.Sdk;

namespace Cloexec.Package.Tests;

/// <summary>
/// `dotnet pack` of runtime/Cloexec gives one package that is the whole set-up: a fresh project that references it
/// (and allows unsafe code) gets the generator, the runtime and the CloexecDefault property, under the JIT and
/// under Native AOT. Every failure message carries the full output of the command that failed.
/// </summary>
public sealed partial class PackageTests(PackageFixture package, ITestOutputHelper log) : IClassFixture<PackageFixture>
{
    private static readonly string[] s_calls = ["open", "socket", "pipe-read", "pipe-write", "eventfd"];

    [Fact]
    public void The_package_holds_the_runtime_the_generator_the_props_and_the_readme()
    {
        Record(package.PackResult);
        using ZipArchive archive = ZipFile.OpenRead(package.PackagePath);
        string[] entries = archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToArray();
        string listing = "package entries:\n" + string.Join('\n', entries);
        log.WriteLine(listing);

        foreach (string expected in new[]
        {
            "lib/net8.0/Cloexec.dll",
            "lib/net10.0/Cloexec.dll",
            "analyzers/dotnet/cs/Cloexec.Generators.dll",
            "analyzers/dotnet/cs/Cloexec.Analyzers.dll",
            "analyzers/dotnet/cs/Cloexec.CodeFixes.dll",
            "buildTransitive/Cloexec.props",
            "buildTransitive/Cloexec.targets",
            "README.md",
        })
        {
            Assert.True(entries.Contains(expected), $"{expected} is missing; {listing}");
        }

        Assert.False(entries.Any(e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("Cloexec.Generators.dll", StringComparison.Ordinal)), "the generator is under lib/; " + listing);
        Assert.Equal(
            ["analyzers/dotnet/cs/Cloexec.Analyzers.dll", "analyzers/dotnet/cs/Cloexec.CodeFixes.dll", "analyzers/dotnet/cs/Cloexec.Generators.dll"],
            entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        XDocument nuspec = XDocument.Load(archive.Entries.Single(e => e.FullName == "Cloexec.nuspec").Open());
        XNamespace ns = nuspec.Root!.Name.Namespace;
        XElement metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("Cloexec", metadata.Element(ns + "id")?.Value);
        Assert.Equal(package.Version, metadata.Element(ns + "version")?.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "tags")?.Value));
        // The generator is inside, not a dependency; the runtime needs nothing.
        Assert.Empty(metadata.Descendants(ns + "dependency"));

        string props = Read(archive, "buildTransitive/Cloexec.props");
        Assert.Contains("<RuntimeHostConfigurationOption Include=\"Cloexec.DefaultCloexec\" Value=\"$(CloexecDefault)\" Trimmable=\"true\" />", props, StringComparison.Ordinal);
        Assert.Contains("CloexecDefault", Read(archive, "README.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fresh_console_project_gets_close_on_exec_by_default()
    {
        ConsumerProject project = ConsumerProject.Create(package, "default");
        CommandResult build = Dotnet(project, "build", project.ProjectFile, "-m:1", "-nodeReuse:false");
        CommandResult run = Dotnet(project, "run", "--project", project.ProjectFile, "--no-build");

        AssertPrinted(Expected(defaultCloexec: true), run, build);
        string runtimeConfig = File.ReadAllText(Path.Combine(project.Folder, "bin", "Debug", "net10.0", ConsumerProject.Name + ".runtimeconfig.json"));
        Assert.DoesNotContain("Cloexec.DefaultCloexec", runtimeConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void The_CloexecDefault_property_makes_default_descriptors_inheritable()
    {
        ConsumerProject project = ConsumerProject.Create(package, "default-false", "    <CloexecDefault>false</CloexecDefault>");
        CommandResult build = Dotnet(project, "build", project.ProjectFile, "-m:1", "-nodeReuse:false");
        CommandResult run = Dotnet(project, "run", "--project", project.ProjectFile, "--no-build");

        AssertPrinted(Expected(defaultCloexec: false), run, build);
        string runtimeConfig = File.ReadAllText(Path.Combine(project.Folder, "bin", "Debug", "net10.0", ConsumerProject.Name + ".runtimeconfig.json"));
        Assert.Contains("\"Cloexec.DefaultCloexec\": false", runtimeConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void A_net8_project_runs_on_the_NET_8_runtime_against_lib_net8()
    {
        // The SDK brings only the .NET 10 runtime: the consumer is built self-contained with the 8.0 runtime pack,
        // so its apphost runs on .NET 8 whatever is installed, and with it the package's lib/net8.0 build.
        ConsumerProject project = ConsumerProject.Create(package, "net8", targetFramework: "net8.0");
        string rid = "linux-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        CommandResult build = Dotnet(project, "build", project.ProjectFile, "-r", rid, "--self-contained", "-m:1", "-nodeReuse:false", "-p:CloexecDefault=false");

        string output = Path.Combine(project.Folder, "bin", "Debug", "net8.0", rid);
        string runtimeConfig = File.ReadAllText(Path.Combine(output, ConsumerProject.Name + ".runtimeconfig.json"));
        Assert.True(runtimeConfig.Contains("\"includedFrameworks\"", StringComparison.Ordinal) && runtimeConfig.Contains("\"version\": \"8.0.", StringComparison.Ordinal),
            "the consumer is not a self-contained .NET 8 application:\n" + runtimeConfig + "\n" + build.Transcript);
        Assert.Contains("\"Cloexec.DefaultCloexec\": false", runtimeConfig, StringComparison.Ordinal);

        CommandResult plain = Command.Succeed(project.Folder, Path.Combine(output, ConsumerProject.Name), []);
        Record(plain);
        AssertPrinted(Expected(defaultCloexec: false), plain, build);

        CommandResult environment = Command.Succeed(project.Folder, Path.Combine(output, ConsumerProject.Name), [], new Dictionary<string, string> { ["CLOEXEC_DEFAULT"] = "1" });
        Record(environment);
        AssertPrinted(Expected(defaultCloexec: true), environment, build);
    }

    [Fact]
    public void Without_unsafe_code_the_build_fails_with_CLOEXEC0010_because_the_package_leaves_AllowUnsafeBlocks_alone()
    {
        ConsumerProject project = ConsumerProject.Create(package, "no-unsafe", allowUnsafe: false);
        CommandResult build = Command.Run(project.Folder, "dotnet", ["build", project.ProjectFile, "-m:1", "-nodeReuse:false"]);
        Record(build);

        Assert.True(build.ExitCode != 0, "the build succeeded without AllowUnsafeBlocks:\n" + build.Transcript);
        Assert.True(build.Output.Contains("error CLOEXEC0010", StringComparison.Ordinal), "no CLOEXEC0010:\n" + build.Transcript);
    }

    [Fact]
    public void The_analyzer_in_the_package_reports_a_raw_declaration_that_leaks_descriptors()
    {
        ConsumerProject project = ConsumerProject.Create(package, "raw-import");
        File.WriteAllText(Path.Combine(project.Folder, "RawImports.cs"), """
            using System.Runtime.InteropServices;

            internal static class RawImports
            {
                [DllImport("libc", EntryPoint = "socket")]
                internal static extern int Socket(int domain, int type, int protocol);
            }
            """);
        CommandResult build = Command.Run(project.Folder, "dotnet", ["build", project.ProjectFile, "-m:1", "-nodeReuse:false"]);
        Record(build);

        Assert.True(build.Output.Contains("CLOEXEC0200", StringComparison.Ordinal), "no CLOEXEC0200:\n" + build.Transcript);
    }

    [Fact]
    public void Native_AOT_publishes_without_warnings_and_the_binary_behaves_the_same()
    {
        // Native AOT links with the platform's C toolchain and strips symbols with objcopy.
        Requirement.Program("Native AOT's linker", "`apt-get install gcc binutils libc6-dev`", "clang", "gcc");
        Requirement.Program("Native AOT's symbol stripping", "`apt-get install binutils`", "objcopy");
        // CloexecDefault=false here too, so one publish shows that the AppContext switch survives trimming and
        // Native AOT, and (with the environment variable, which wins) that the default output is the same.
        ConsumerProject project = ConsumerProject.Create(package, "aot", """
                <CloexecDefault>false</CloexecDefault>
                <TrimmerSingleWarn>false</TrimmerSingleWarn>
                <IlcTreatWarningsAsErrors>true</IlcTreatWarningsAsErrors>
                <EnableTrimAnalyzer>true</EnableTrimAnalyzer>
                <EnableAotAnalyzer>true</EnableAotAnalyzer>
            """);
        string rid = "linux-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        string publishFolder = Path.Combine(project.Folder, "publish");
        CommandResult publish = Dotnet(project, "publish", project.ProjectFile, "-c", "Release", "-r", rid, "-p:PublishAot=true", "-o", publishFolder, "-m:1", "-nodeReuse:false");
        string[] warnings = publish.Output.Split('\n').Where(line => line.Contains(": warning ", StringComparison.Ordinal)).ToArray();
        Assert.True(warnings.Length == 0, "the publish warned:\n" + publish.Transcript);

        string binary = Path.Combine(publishFolder, ConsumerProject.Name);
        Assert.True(File.Exists(binary), "no native binary:\n" + publish.Transcript);
        Assert.False(File.Exists(Path.Combine(publishFolder, ConsumerProject.Name + ".dll")), "the publish is not native:\n" + publish.Transcript);

        CommandResult plain = Command.Succeed(project.Folder, binary, []);
        Record(plain);
        AssertPrinted(Expected(defaultCloexec: false), plain, publish);

        CommandResult environment = Command.Succeed(project.Folder, binary, [], new Dictionary<string, string> { ["CLOEXEC_DEFAULT"] = "1" });
        Record(environment);
        AssertPrinted(Expected(defaultCloexec: true), environment, publish);
    }

    /// <summary>What Consumer/Program.cs prints when the ambient default is <paramref name="defaultCloexec"/>.</summary>
    private static string Expected(bool defaultCloexec)
    {
        var lines = new StringBuilder();
        lines.Append("default=").Append(defaultCloexec ? "True" : "False").Append('\n');
        foreach ((string choice, bool cloexec) in new[] { ("default", defaultCloexec), ("true", true), ("false", false) })
        {
            foreach (string call in s_calls)
            {
                lines.Append(call).Append(' ').Append(choice).Append(' ').Append(cloexec ? '1' : '0').Append('\n');
            }
        }

        lines.Append("GetCloexec agrees with fcntl\n");
        return lines.ToString();
    }

    private CommandResult Dotnet(ConsumerProject project, params string[] arguments)
    {
        CommandResult result = Command.Succeed(project.Folder, "dotnet", arguments);
        Record(result);
        return result;
    }

    private void Record(CommandResult result) => log.WriteLine($"{result.Duration.TotalSeconds,6:F1} s  {result.Description}");

    private static void AssertPrinted(string expected, CommandResult run, CommandResult build)
    {
        if (run.StandardOutput.Replace("\r\n", "\n", StringComparison.Ordinal) != expected)
        {
            throw new XunitException($"The consumer printed something else.\nexpected:\n{expected}\n{run.Transcript}\n\nits build:\n{build.Transcript}");
        }
    }

    private static string Read(ZipArchive archive, string entry)
    {
        using var reader = new StreamReader(archive.Entries.Single(e => e.FullName == entry).Open());
        return reader.ReadToEnd();
    }
}
