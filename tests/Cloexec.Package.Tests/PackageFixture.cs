using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading;
using Xunit.Sdk;

namespace Cloexec.Package.Tests;

/// <summary>
/// Packs runtime/Cloexec once per test run into a local feed, under a version no earlier run used, so the global
/// NuGet cache can never serve a stale copy of the package to the consumer projects.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    private readonly Lazy<CommandResult> _pack;

    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        string stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        VersionSuffix = $"ci.{stamp}.{RandomNumberGenerator.GetInt32(10_000, 100_000)}";
        Version = $"{VersionPrefix(RepositoryRoot)}-{VersionSuffix}";
        WorkRoot = Path.Combine(Path.GetTempPath(), "cloexec-package-tests", Version);
        Feed = Path.Combine(WorkRoot, "feed");
        Directory.CreateDirectory(Feed);
        _pack = new Lazy<CommandResult>(Pack, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string RepositoryRoot { get; }

    /// <summary>A prerelease of the repository's version unique to this run: &lt;VersionPrefix&gt;-ci.&lt;UTC time&gt;.&lt;random&gt;.</summary>
    public string Version { get; }

    /// <summary>What <see cref="Version"/> adds to the repository's VersionPrefix: the pack's -p:VersionSuffix.</summary>
    public string VersionSuffix { get; }

    /// <summary>Everything this run writes: the feed, the pack's build output, the consumer projects.</summary>
    public string WorkRoot { get; }

    public string Feed { get; }

    /// <summary>The packed .nupkg; the first caller packs it, a pack failure fails every caller with the full output.</summary>
    public string PackagePath
    {
        get
        {
            _ = _pack.Value;
            return Path.Combine(Feed, $"Cloexec.{Version}.nupkg");
        }
    }

    internal CommandResult PackResult => _pack.Value;

    private CommandResult Pack()
    {
        // The build output goes to this run's own folder (the artifacts layout), not the checkout's bin/ and obj/,
        // so packing never touches what `dotnet build` of the solution left there.
        CommandResult result = Command.Succeed(RepositoryRoot, "dotnet",
        [
            "pack", Path.Combine(RepositoryRoot, "runtime", "Cloexec", "Cloexec.csproj"),
            "-c", "Release", "-o", Feed, $"-p:VersionSuffix={VersionSuffix}",
            "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={Path.Combine(WorkRoot, "artifacts")}",
            "-m:1", "-nodeReuse:false",
        ]);
        if (!File.Exists(Path.Combine(Feed, $"Cloexec.{Version}.nupkg")))
        {
            throw new XunitException($"dotnet pack did not write Cloexec.{Version}.nupkg:\n" + result.Transcript);
        }

        return result;
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("CLOEXEC_KEEP_PACKAGE_TESTS") == "1")
        {
            return;
        }

        TryDelete(WorkRoot);

        // Restore extracted this run's version into the global packages folder; no later run will ask for it.
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        TryDelete(Path.Combine(packages, "cloexec", Version.ToLowerInvariant()));
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The version Directory.Build.props gives every build, without a suffix.</summary>
    internal static string VersionPrefix(string repositoryRoot) =>
        System.Xml.Linq.XDocument.Load(Path.Combine(repositoryRoot, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    internal static string FindRepositoryRoot([CallerFilePath] string thisFile = "")
    {
        // tests/Cloexec.Package.Tests/PackageFixture.cs -> the repository root.
        string? fromSource = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(thisFile)));
        if (fromSource is not null && File.Exists(Path.Combine(fromSource, "Cloexec.Generators.sln")))
        {
            return fromSource;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Cloexec.Generators.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"The repository root (with Cloexec.Generators.sln) is neither above {thisFile} nor above {AppContext.BaseDirectory}.");
    }
}
