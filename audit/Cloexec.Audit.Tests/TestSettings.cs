using System.IO;
using System.Linq;
using System.Reflection;

namespace Cloexec.Audit.Tests;

/// <summary>Where this build put things: the NuGet cache its restore filled, the repository, the configuration.</summary>
internal static class TestSettings
{
    public static string NuGetPackageRoot => Metadata("NuGetPackageRoot");

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string Configuration => Metadata("Configuration");

    /// <summary>A file of a restored package: <c>Package("tmds.libc", "0.5.0", "runtimes/linux-x64/...")</c>.</summary>
    public static string Package(string id, string version, string path) =>
        Path.Combine(NuGetPackageRoot, id.ToLowerInvariant(), version.ToLowerInvariant(), path);

    public static string Nupkg(string id, string version) =>
        Package(id, version, $"{id.ToLowerInvariant()}.{version.ToLowerInvariant()}.nupkg");

    public static string ToolAssembly => Path.Combine(RepositoryRoot, "audit/Cloexec.Audit.Tool/bin", Configuration, "net8.0/Cloexec.Audit.Tool.dll");

    public static string TaskAssembly => Path.Combine(RepositoryRoot, "audit/Cloexec.Audit.Tasks/bin", Configuration, "net8.0/Cloexec.Audit.Tasks.dll");

    private static string Metadata(string key) =>
        typeof(TestSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
