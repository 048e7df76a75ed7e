using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Cloexec.Testing;

/// <summary>
/// What a test needs beyond the .NET SDK (a C compiler, strace, the unpacked oracle sources). Where it is missing the
/// test is skipped, never failed, and the reason names what is missing and the command that installs it: plain
/// <c>dotnet test</c> passes on a machine with the SDK alone, while <c>bash tests/run.sh</c> as root installs
/// everything first, and .ci/run fails on any skip of its full run.
/// </summary>
internal static class Requirement
{
    /// <summary>What installs every requirement at once (as root on Debian or Ubuntu).</summary>
    public const string InstallAll = "bash tests/run.sh";

    /// <summary>Skips the test unless one of <paramref name="programs"/> is on PATH.</summary>
    public static void Program(string neededFor, string install, params string[] programs)
    {
        if (!programs.Any(IsOnPath))
        {
            Missing(string.Join(" or ", programs) + " (not on PATH)", neededFor, install);
        }
    }

    /// <summary>Skips the test: <paramref name="what"/> is missing; <paramref name="install"/> says how to get it.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Missing(string what, string neededFor, string install) =>
        Assert.Skip($"missing {what}, needed for {neededFor}. To install: {install}; or run `{InstallAll}` as root, which installs everything");

    public static bool IsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .Any(File.Exists);
}
