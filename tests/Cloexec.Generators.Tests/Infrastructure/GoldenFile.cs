using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace Cloexec.Generators.Tests.Infrastructure;

/// <summary>
/// Compares generated text with <c>Golden/&lt;name&gt;.verified.cs</c> in the source tree. A mismatch leaves
/// <c>&lt;name&gt;.received.cs</c> beside it to diff; <c>CLOEXEC_ACCEPT_GOLDEN=1</c> accepts the new text instead,
/// except under CI (the <c>CI</c> variable set), where accepting would compare nothing and is refused.
/// </summary>
internal static class GoldenFile
{
    public const string VerifiedSuffix = ".verified.cs";

    private const string AcceptVariable = "CLOEXEC_ACCEPT_GOLDEN";

    /// <summary>The Golden/ folder of the source tree, beside <paramref name="callerFile"/> (the calling test's source file).</summary>
    public static string Folder([CallerFilePath] string callerFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(callerFile) ?? string.Empty, "Golden");
        Assert.True(Directory.Exists(folder), $"Golden folder '{folder}' not found: the tests must run where their sources are.");
        return folder;
    }

    /// <param name="callerFile">Filled in by the compiler: the test's own source file, whose folder holds Golden/.</param>
    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        string folder = Folder(callerFile);
        string verified = Path.Combine(folder, name + VerifiedSuffix);
        string received = Path.Combine(folder, name + ".received.cs");
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Assert.True(
                string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")),
                $"{AcceptVariable}=1 is refused under CI (CI is set): accepting overwrites {verified} instead of comparing with it.");
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        // A checkout that turned \n into \r\n has not changed what the generator must write.
        string? expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        string why = expected is null ? "has no verified file yet" : $"differs from the verified file at line {FirstDifferentLine(expected, actual)}";
        Assert.Fail($"Generated source of '{name}' {why}. Compare {received} with {verified}; if the new output is right, rerun with {AcceptVariable}=1.");
    }

    private static int FirstDifferentLine(string expected, string actual)
    {
        string[] expectedLines = expected.Split('\n');
        string[] actualLines = actual.Split('\n');
        int line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        return line + 1;
    }
}
