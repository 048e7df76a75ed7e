using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;
using Xunit;

namespace Cloexec.Package.Tests;

/// <summary>
/// The package is kept as a published one is: it names its repository and commit, every DLL carries its symbols and a
/// source link to that commit, no DLL or PDB holds a path of the machine that built it, its API is validated against
/// 0.1.0's, and a compiler older than the generator needs stops the build with an error that names the minimum SDK.
/// </summary>
public sealed partial class PackageTests
{
    // SourceLink's entry in a portable PDB's custom debug information (the Portable PDB specification).
    private static readonly Guid s_sourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Fact]
    public void The_package_names_its_repository_commit_and_release_notes()
    {
        using ZipArchive archive = ZipFile.OpenRead(package.PackagePath);
        XElement metadata = Metadata(archive);
        XNamespace ns = metadata.Name.Namespace;
        string repositoryUrl = RepositoryUrl();

        Assert.Equal(repositoryUrl, metadata.Element(ns + "projectUrl")?.Value);
        XElement repository = metadata.Element(ns + "repository") ?? throw new Xunit.Sdk.XunitException("no <repository> in the nuspec");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(repositoryUrl, repository.Attribute("url")?.Value);
        Assert.Equal(HeadCommit(), repository.Attribute("commit")?.Value);
        Assert.Contains("CHANGELOG.md", metadata.Element(ns + "releaseNotes")?.Value ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Every_DLL_embeds_its_symbols_with_a_source_link_to_the_commit_and_no_path_of_the_build_machine()
    {
        using ZipArchive archive = ZipFile.OpenRead(package.PackagePath);
        ZipArchiveEntry[] dlls = archive.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToArray();
        Assert.True(dlls.Length >= 5, string.Join(", ", dlls.Select(d => d.FullName)));

        string expectedLink = $"\"/_/*\":\"{RepositoryUrl().Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal)}/{HeadCommit()}/*\"";
        // Every folder this build read from or wrote to; none may appear in what it made.
        string[] machinePaths = [package.RepositoryRoot, package.WorkRoot, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + "/"];
        var wrong = new List<string>();
        foreach (ZipArchiveEntry dll in dlls)
        {
            byte[] image = ReadAll(dll);
            using var pe = new PEReader(new MemoryStream(image));
            DebugDirectoryEntry? embedded = pe.ReadDebugDirectory().Where(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb).Cast<DebugDirectoryEntry?>().FirstOrDefault();
            if (embedded is null)
            {
                wrong.Add($"{dll.FullName}: no embedded PDB");
                continue;
            }

            using MetadataReaderProvider pdbProvider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded.Value);
            MetadataReader pdb = pdbProvider.GetMetadataReader();
            string[] documents = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)).ToArray();
            wrong.AddRange(documents.Where(d => !MappedPath().IsMatch(d)).Select(d => $"{dll.FullName}: document '{d}' is not mapped to /_/ (or /_1/...)"));

            string sourceLink = pdb.CustomDebugInformation
                .Select(pdb.GetCustomDebugInformation)
                .Where(c => pdb.GetGuid(c.Kind) == s_sourceLinkKind)
                .Select(c => Encoding.UTF8.GetString(pdb.GetBlobBytes(c.Value)))
                .SingleOrDefault() ?? "";
            if (!sourceLink.Contains(expectedLink, StringComparison.Ordinal))
            {
                wrong.Add($"{dll.FullName}: source link '{sourceLink}', expected it to map {expectedLink}");
            }

            byte[] pdbBytes = PdbBytes(image, embedded.Value);
            foreach (string path in machinePaths)
            {
                if (Contains(image, path) || Contains(pdbBytes, path))
                {
                    wrong.Add($"{dll.FullName}: holds the build machine's path {path}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void An_older_compiler_stops_the_build_with_an_error_that_names_the_minimum_SDK()
    {
        // CompilerApiVersion is what the compiler of a build says it is; as a global property it stands in for an
        // SDK 9.0.1xx compiler (Roslyn 4.12), which could not load the generator.
        ConsumerProject project = ConsumerProject.Create(package, "old-compiler");
        CommandResult build = Command.Run(project.Folder, "dotnet", ["build", project.ProjectFile, "-m:1", "-nodeReuse:false", "-p:CompilerApiVersion=roslyn4.12"]);
        Record(build);

        Assert.True(build.ExitCode != 0, "the build succeeded with an old compiler:\n" + build.Transcript);
        Assert.True(build.Output.Contains("error CLOEXEC0000", StringComparison.Ordinal)
            && build.Output.Contains(".NET SDK 9.0.300", StringComparison.Ordinal)
            && build.Output.Contains("roslyn4.12", StringComparison.Ordinal),
            "no CLOEXEC0000 naming the minimum SDK and the compiler found:\n" + build.Transcript);
        Assert.False(build.Output.Contains("CS8795", StringComparison.Ordinal), "the compiler ran:\n" + build.Transcript);
    }

    [Fact]
    public void The_package_keeps_the_public_API_of_0_1_0()
    {
        // 0.1.0 is the commit whose PublicAPI.Shipped.txt is 0.1's API: packed from it into a feed of its own,
        // it is the baseline package validation (ApiCompat, in the SDK) compares this version's package with.
        const string baselineCommit = "e4f60b2a76fd3ea0bde165730cfd576210b0994a";
        string baselineSource = Path.Combine(package.WorkRoot, "baseline-source");
        string baselineFeed = Path.Combine(package.WorkRoot, "baseline-feed");
        Directory.CreateDirectory(baselineSource);
        CommandResult archive = Command.Run(package.RepositoryRoot, "bash", ["-c", $"git archive {baselineCommit} | tar -x -C \"{baselineSource}\""]);
        Record(archive);
        Assert.True(archive.ExitCode == 0, "0.1.0's commit is not in this clone's history (a shallow clone?):\n" + archive.Transcript);
        Record(Command.Succeed(baselineSource, "dotnet",
            ["pack", "runtime/Cloexec/Cloexec.csproj", "-c", "Release", "-o", baselineFeed, "-p:Version=0.1.0", "-m:1", "-nodeReuse:false"]));
        Assert.True(File.Exists(Path.Combine(baselineFeed, "Cloexec.0.1.0.nupkg")));

        CommandResult validated = Command.Succeed(package.RepositoryRoot, "dotnet",
        [
            "pack", Path.Combine(package.RepositoryRoot, "runtime", "Cloexec", "Cloexec.csproj"),
            "-c", "Release", "-o", Path.Combine(package.WorkRoot, "validated-feed"), $"-p:VersionSuffix={package.VersionSuffix}",
            "-p:PackageValidationBaselineVersion=0.1.0", $"-p:RestoreAdditionalProjectSources={baselineFeed}",
            "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={Path.Combine(package.WorkRoot, "validated-artifacts")}",
            "-m:1", "-nodeReuse:false",
        ]);
        Record(validated);
        Assert.DoesNotContain("warning CP", validated.Output, StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^/_[0-9]*/")]
    private static partial System.Text.RegularExpressions.Regex MappedPath();

    private string RepositoryUrl() =>
        XDocument.Load(Path.Combine(package.RepositoryRoot, "Directory.Build.props")).Descendants("RepositoryUrl").Single().Value;

    private string HeadCommit() =>
        Command.Succeed(package.RepositoryRoot, "git", ["rev-parse", "HEAD"]).StandardOutput.Trim();

    private static XElement Metadata(ZipArchive archive)
    {
        XDocument nuspec = XDocument.Load(archive.Entries.Single(e => e.FullName == "Cloexec.nuspec").Open());
        return nuspec.Root!.Element(nuspec.Root.Name.Namespace + "metadata")!;
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using Stream stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The embedded PDB, decompressed: "MPDB", its size, then the PDB as a deflate stream.</summary>
    private static byte[] PdbBytes(byte[] image, DebugDirectoryEntry embedded)
    {
        using var deflated = new MemoryStream(image, embedded.DataPointer + 8, embedded.DataSize - 8);
        using var inflate = new DeflateStream(deflated, CompressionMode.Decompress);
        using var pdb = new MemoryStream();
        inflate.CopyTo(pdb);
        return pdb.ToArray();
    }

    private static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;
}
