using System;
using System.IO;
using Cloexec.Testing;

namespace Cloexec.Tests.Oracles;

/// <summary>
/// Where .ci/install-oracles unpacked the sources this repository does not contain: Go's golang.org/x/sys, Rust's
/// libc crate and the mingw-w64 headers, as Debian packages them.
/// </summary>
internal static class OracleSources
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string GoUnix => Existing(Path.Combine(Root, "usr/share/gocode/src/golang.org/x/sys/unix"));

    public static string RustLibc => Existing(FirstDirectory(Path.Combine(Root, "usr/share/cargo/registry"), "libc-*"));

    public static string MingwInclude => Existing(Path.Combine(Root, "usr/share/mingw-w64/include"));

    /// <summary>The packages and versions unpacked, as the script recorded them.</summary>
    public static string Versions => File.ReadAllText(Path.Combine(Root, "packages.txt")).Replace('\n', ' ').Trim();

    private static string FindRoot()
    {
        string? configured = Environment.GetEnvironmentVariable("CLOEXEC_ORACLES");
        string cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        string root = string.IsNullOrEmpty(configured) ? Path.Combine(cache, "cloexec-oracles") : configured;
        if (!File.Exists(Path.Combine(root, "packages.txt")))
        {
            Requirement.Missing(
                $"the oracle sources (Go's x/sys, Rust's libc, mingw-w64 headers) at {root}",
                "comparing the runtime's tables with independent sources",
                "`bash .ci/install-oracles` (Debian or Ubuntu, as root), or set CLOEXEC_ORACLES to the folder it printed");
        }

        return root;
    }

    private static string FirstDirectory(string parent, string pattern)
    {
        string[] found = Directory.Exists(parent) ? Directory.GetDirectories(parent, pattern) : [];
        return found.Length > 0 ? found[0] : Path.Combine(parent, pattern);
    }

    private static string Existing(string directory) =>
        Directory.Exists(directory) ? directory : throw new InvalidOperationException($"{directory} is missing: run `bash .ci/install-oracles` again.");
}
