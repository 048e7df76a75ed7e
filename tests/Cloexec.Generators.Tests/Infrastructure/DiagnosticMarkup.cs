using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace Cloexec.Generators.Tests.Infrastructure;

/// <summary>A diagnostic a test expects: its ID and the span it must underline.</summary>
internal sealed record ExpectedDiagnostic(string Id, LinePositionSpan Span)
{
    public override string ToString() => $"{Id} at {Span}";
}

/// <summary>
/// Source with the expected diagnostics marked in place, <c>{|CLOEXEC0004:Name|}</c>, so that a test states
/// where a diagnostic goes without counting lines and columns.
/// </summary>
internal static partial class DiagnosticMarkup
{
    [GeneratedRegex(@"\{\|(?<id>[A-Z]+[0-9]+):(?<text>.*?)\|\}", RegexOptions.Singleline)]
    private static partial Regex Marker();

    public static (string Source, IReadOnlyList<ExpectedDiagnostic> Expected) Parse(string markedSource)
    {
        var source = new StringBuilder();
        var spans = new List<(string Id, TextSpan Span)>();
        int copied = 0;
        foreach (Match marker in Marker().Matches(markedSource))
        {
            source.Append(markedSource, copied, marker.Index - copied);
            string text = marker.Groups["text"].Value;
            spans.Add((marker.Groups["id"].Value, new TextSpan(source.Length, text.Length)));
            source.Append(text);
            copied = marker.Index + marker.Length;
        }

        source.Append(markedSource, copied, markedSource.Length - copied);
        string plain = source.ToString();
        TextLineCollection lines = SourceText.From(plain).Lines;
        var expected = new List<ExpectedDiagnostic>();
        foreach ((string id, TextSpan span) in spans)
        {
            expected.Add(new ExpectedDiagnostic(id, lines.GetLinePositionSpan(span)));
        }

        return (plain, expected);
    }
}
