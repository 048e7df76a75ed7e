using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Cloexec.Generators.Knowledge;
using Cloexec.Interop;
using Cloexec.Generators.Model;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>
/// The README's "Supported entry points (Linux)" tables against the knowledge table: the same names, each in the
/// table of its kind, with its family's flag (a C name in the family's row of FlagFamilyTable) or its sibling. A row
/// added to one and not the other fails here.
/// </summary>
public sealed partial class ReadmeEntryPointTests
{
    private enum Kind
    {
        Flagged,
        Legacy,
        Stream,
        AfterCreation,
        Always,
    }

    private sealed record Row(Kind Kind, string Name, string[] Cells);

    [Fact]
    public void Every_Unix_row_is_in_the_README_and_every_README_row_is_in_the_table()
    {
        string[] documented = ReadRows().Select(r => r.Name).ToArray();
        string[] known = EntryPointTable.All.Where(e => e.Platform == NativePlatform.Unix).Select(e => e.Name).ToArray();

        Assert.Empty(known.Except(documented));
        Assert.Empty(documented.Except(known));
        Assert.Equal(documented.Length, documented.Distinct().Count());
    }

    [Fact]
    public void Each_README_row_says_what_the_table_does()
    {
        var wrong = new List<string>();
        foreach (Row row in ReadRows())
        {
            EntryPointInfo entry = EntryPointTable.Find(row.Name, NativePlatform.Unix)!;
            Kind expected = entry.Placement switch
            {
                FlagPlacement.Sibling => Kind.Legacy,
                FlagPlacement.AlwaysCloexec => Kind.Always,
                FlagPlacement.ModeString => Kind.Stream,
                FlagPlacement.AfterCreation when entry.Output == DescriptorOutput.Stream => Kind.Stream,
                FlagPlacement.AfterCreation => Kind.AfterCreation,
                _ => Kind.Flagged,
            };
            if (row.Kind != expected)
            {
                wrong.Add($"{row.Name}: in the {row.Kind} table, the table says {expected}");
            }
            else if (row.Kind is Kind.Flagged or Kind.Stream && entry.Flag != CloexecFlag.None
                && !CodeSpans(row.Cells[1]).All(name => FlagFamilyTable.Of(entry.Flag)!.CNames.Contains(name)))
            {
                wrong.Add($"{row.Name}: flag column '{row.Cells[1]}', the table says {entry.Flag}");
            }
            else if (row.Kind == Kind.Legacy && !row.Cells[1].StartsWith("`" + entry.Sibling!.EntryPoint + "(", StringComparison.Ordinal))
            {
                wrong.Add($"{row.Name}: becomes '{row.Cells[1]}', the table says {entry.Sibling.EntryPoint}");
            }
        }

        Assert.Empty(wrong);
    }

    private static IEnumerable<Row> ReadRows([CallerFilePath] string callerFile = "")
    {
        string readme = Path.Combine(Path.GetDirectoryName(callerFile)!, "..", "..", "README.md");
        string text = File.ReadAllText(readme);
        int start = text.IndexOf("## Supported entry points (Linux)", StringComparison.Ordinal);
        int end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        Kind? kind = null;
        foreach (string line in text[start..end].Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                kind = null;
                continue;
            }

            string[] cells = Regex.Split(line.Trim().Trim('|'), @"(?<!\\)\|").Select(c => c.Trim()).ToArray();
            if (kind is null)
            {
                kind = string.Join("|", cells) switch
                {
                    "entry point|flag|where|atomic way" => Kind.Flagged,
                    "legacy call|becomes|kept as it is when" => Kind.Legacy,
                    "entry point|flag|where" => Kind.Stream,
                    "entry point|where the descriptors are" => Kind.AfterCreation,
                    "entry point|note" => Kind.Always,
                    string header => throw new InvalidOperationException($"README: a table the test does not know: {header}"),
                };
                continue;
            }

            if (cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (string name in CodeSpans(cells[0]))
            {
                yield return new Row(kind.Value, name.Split('(')[0], cells);
            }
        }
    }

    private static IEnumerable<string> CodeSpans(string cell) => CodeSpan().Matches(cell).Select(m => m.Groups[1].Value);

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
