using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Cloexec.Generators.Knowledge;
using Cloexec.Interop;
using Cloexec.Tests.Oracles;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>
/// The Windows rows whose inheritance is an argument, against the prototypes of the mingw-w64 headers (an independent
/// transcription of the Windows SDK): the argument the table names is the one that carries the choice, every ANSI or
/// wide twin the headers declare is a row too, and docs/windows.md names every row.
/// </summary>
public sealed partial class WindowsPrototypeTests
{
    private static readonly Lazy<Dictionary<string, string[]>> s_prototypes = new(ReadPrototypes);

    private static IEnumerable<EntryPointInfo> StatingRows => EntryPointTable.All.Where(e =>
        e.Platform == NativePlatform.Windows && e.Flag is CloexecFlag.SecurityAttributes or CloexecFlag.InheritHandleArgument);

    [Fact]
    public void The_argument_each_row_names_is_the_one_the_header_declares_for_the_inheritance()
    {
        var wrong = new List<string>();
        foreach (EntryPointInfo row in StatingRows)
        {
            if (!s_prototypes.Value.TryGetValue(row.Name, out string[]? parameters))
            {
                wrong.Add($"{row.Name}: no prototype in the headers");
                continue;
            }

            string expected = row.Placement switch
            {
                FlagPlacement.NestedStructCopy => "LPCREATEFILE2_EXTENDED_PARAMETERS",
                FlagPlacement.InheritBool => "bInheritHandle",
                _ => "LPSECURITY_ATTRIBUTES",
            };
            string actual = row.FlagArgument < parameters.Length ? parameters[row.FlagArgument] : "(none)";
            if (!actual.Contains(expected, StringComparison.Ordinal))
            {
                wrong.Add($"{row.Name}: argument {row.FlagArgument} is '{actual}', not {expected}");
            }
        }

        Assert.True(StatingRows.Count() >= 40, $"only {StatingRows.Count()} rows checked");
        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_twin_the_headers_declare_of_a_row_is_a_row_too()
    {
        string[] missing = StatingRows
            .Select(row => row.Name)
            .Where(name => name.EndsWith('W') || name.EndsWith('A'))
            .Select(name => name[..^1] + (name.EndsWith('W') ? "A" : "W"))
            .Where(twin => s_prototypes.Value.ContainsKey(twin) && EntryPointTable.Find(twin, NativePlatform.Windows) is null)
            .ToArray();

        Assert.Empty(missing);
    }

    [Fact]
    public void The_windows_page_names_every_Windows_row()
    {
        string page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "windows.md"));
        string[] missing = EntryPointTable.All
            .Where(e => e.Platform == NativePlatform.Windows)
            .Select(e => e.Name)
            .Where(name => !page.Contains($"`{name}`", StringComparison.Ordinal))
            .ToArray();

        Assert.Empty(missing);
    }

    /// <summary>Each WINAPI function of the headers, by name, with its parameters as written.</summary>
    private static Dictionary<string, string[]> ReadPrototypes()
    {
        var prototypes = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (string header in Directory.EnumerateFiles(OracleSources.MingwInclude, "*.h"))
        {
            foreach (Match match in Prototype().Matches(File.ReadAllText(header)))
            {
                string[] parameters = match.Groups["parameters"].Value.Split(',').Select(p => Regex.Replace(p, @"\s+", " ").Trim()).ToArray();
                prototypes.TryAdd(match.Groups["name"].Value, parameters);
            }
        }

        return prototypes;
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    [GeneratedRegex(@"WINAPI\s+(?<name>\w+)\s*\((?<parameters>[^;()]*)\)\s*;")]
    private static partial Regex Prototype();
}
