using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;

namespace Cloexec.Audit.Inputs;

/// <summary>
/// Turns what a user points the tool at into audited dependencies: a published folder (its .deps.json names the
/// package of each assembly), a .nupkg (its runtime assemblies: lib/ and runtimes/*/lib/, never ref/), or assemblies.
/// </summary>
public static class AuditInputs
{
    public static IReadOnlyList<DependencyAudit> Audit(IEnumerable<string> paths)
    {
        var audited = new List<(string, string?, AssemblyAudit)>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                audited.AddRange(Folder(path));
            }
            else if (path.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase))
            {
                audited.AddRange(Package(path));
            }
            else
            {
                AssemblyAudit audit = AssemblyAuditor.Audit(path);
                audited.Add((audit.Name ?? Path.GetFileNameWithoutExtension(path), audit.Version, audit));
            }
        }

        return DependencyAudit.Group(audited);
    }

    private static IEnumerable<(string, string?, AssemblyAudit)> Folder(string folder)
    {
        Dictionary<string, (string Name, string Version)> packages = PackagesByFile(folder);
        foreach (string file in Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            AssemblyAudit audit = AssemblyAuditor.Audit(file);
            if (audit.Name is null && audit.Error is null)
            {
                continue; // a native library
            }

            string relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            yield return packages.TryGetValue(relative, out var package)
                ? (package.Name, package.Version, audit)
                : (audit.Name ?? relative, audit.Version, audit);
        }
    }

    /// <summary>Each published file's package, from the .deps.json files of the folder.</summary>
    private static Dictionary<string, (string, string)> PackagesByFile(string folder)
    {
        var byFile = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (string depsFile in Directory.EnumerateFiles(folder, "*.deps.json"))
        {
            using JsonDocument deps = JsonDocument.Parse(File.ReadAllBytes(depsFile));
            if (!deps.RootElement.TryGetProperty("targets", out JsonElement targets))
            {
                continue;
            }

            foreach (JsonProperty library in targets.EnumerateObject().SelectMany(t => t.Value.EnumerateObject()))
            {
                string[] idAndVersion = library.Name.Split('/');
                foreach (string section in new[] { "runtime", "runtimeTargets" })
                {
                    if (idAndVersion.Length == 2 && library.Value.TryGetProperty(section, out JsonElement files))
                    {
                        foreach (JsonProperty file in files.EnumerateObject())
                        {
                            byFile.TryAdd(section == "runtime" ? Path.GetFileName(file.Name) : file.Name, (idAndVersion[0], idAndVersion[1]));
                        }
                    }
                }
            }
        }

        return byFile;
    }

    private static IEnumerable<(string, string?, AssemblyAudit)> Package(string nupkg)
    {
        using ZipArchive zip = ZipFile.OpenRead(nupkg);
        (string id, string? version) = Identity(zip, nupkg);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ZipArchiveEntry entry in NewestFrameworkOnly(zip.Entries.Where(e => IsRuntimeAssembly(e.FullName))))
        {
            using var copy = new MemoryStream();
            using (Stream stream = entry.Open())
            {
                stream.CopyTo(copy);
            }

            // One RID folder per platform often carries the very same assembly: audited once.
            if (!seen.Add(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(copy.ToArray()))))
            {
                continue;
            }

            copy.Position = 0;
            string where = nupkg + "!/" + entry.FullName;
            AssemblyAudit audit;
            try
            {
                audit = AssemblyAuditor.Audit(where, copy);
            }
            catch (BadImageFormatException e)
            {
                audit = new AssemblyAudit(where, null, null, [], [], e.Message);
            }

            if (audit.Name is not null || audit.Error is not null)
            {
                yield return (id, version, audit);
            }
        }
    }

    /// <summary>
    /// Of lib/ and of each runtimes/&lt;rid&gt;/lib/, the assemblies of one target framework: the one a current app
    /// resolves (the highest netX.Y, else the highest netstandard, else the last), not every framework's copy.
    /// </summary>
    private static IEnumerable<ZipArchiveEntry> NewestFrameworkOnly(IEnumerable<ZipArchiveEntry> entries) =>
        entries
            .GroupBy(e => e.FullName[..e.FullName.LastIndexOf('/')])
            .GroupBy(folder => folder.Key[..folder.Key.LastIndexOf('/')])
            .Select(frameworks => frameworks.OrderBy(f => FrameworkRank(f.Key[(f.Key.LastIndexOf('/') + 1)..])).Last())
            .SelectMany(folder => folder.OrderBy(e => e.FullName, StringComparer.Ordinal));

    private static (int, Version) FrameworkRank(string framework)
    {
        static Version VersionOf(string digits) => Version.TryParse(digits.Contains('.') ? digits : digits + ".0", out Version? v) ? v : new Version(0, 0);

        if (framework.StartsWith("netstandard", StringComparison.Ordinal))
        {
            return (1, VersionOf(framework["netstandard".Length..]));
        }

        if (framework.StartsWith("netcoreapp", StringComparison.Ordinal))
        {
            return (2, VersionOf(framework["netcoreapp".Length..]));
        }

        return framework.StartsWith("net", StringComparison.Ordinal) && framework.Contains('.')
            ? (3, VersionOf(framework[3..].Split('-')[0]))
            : (0, new Version(0, 0));
    }

    /// <summary>lib/&lt;tfm&gt;/*.dll and runtimes/&lt;rid&gt;/lib/&lt;tfm&gt;/*.dll: what runs, not ref/ (no bodies).</summary>
    public static bool IsRuntimeAssembly(string entry)
    {
        string[] parts = entry.Split('/');
        if (!entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return parts is ["lib", _, _] || parts is ["runtimes", _, "lib", _, _];
    }

    private static (string, string?) Identity(ZipArchive zip, string nupkg)
    {
        ZipArchiveEntry? nuspec = zip.Entries.FirstOrDefault(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        if (nuspec is null)
        {
            return (Path.GetFileNameWithoutExtension(nupkg), null);
        }

        using Stream stream = nuspec.Open();
        XElement metadata = XDocument.Load(stream).Root!.Elements().First(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        return (Value("id") ?? Path.GetFileNameWithoutExtension(nupkg), Value("version"));
    }
}
