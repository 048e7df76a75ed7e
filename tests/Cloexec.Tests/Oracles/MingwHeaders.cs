using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace Cloexec.Tests.Oracles;

/// <summary>The Windows SDK's numbers as the mingw-w64 headers define them: <c>#define NAME value</c>, read as text.</summary>
internal static partial class MingwHeaders
{
    /// <summary>The value <paramref name="header"/> gives <paramref name="name"/>, or null where it has no such define.</summary>
    public static long? Define(string header, string name)
    {
        string path = Path.Combine(OracleSources.MingwInclude, header);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"mingw-w64 has no {header}");
        }

        foreach (string line in File.ReadLines(path))
        {
            Match define = Define().Match(line);
            if (define.Success && define.Groups["name"].Value == name)
            {
                return Evaluate(define.Groups["value"].Value);
            }
        }

        return null;
    }

    /// <summary>
    /// A define's value: a literal with or without L/U suffixes, inside <c>__MSABI_LONG()</c>, casts
    /// (<c>(HANDLE)</c>, <c>(LONG_PTR)</c>) and parentheses, with unary minus or <c>~</c>.
    /// </summary>
    private static long Evaluate(string text)
    {
        string plain = MsabiLong().Replace(text, "$1");
        plain = Cast().Replace(plain, string.Empty).Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (plain.StartsWith('-'))
        {
            return -Evaluate(plain[1..]);
        }

        if (plain.StartsWith('~'))
        {
            return ~Evaluate(plain[1..]);
        }

        plain = plain.TrimEnd('L', 'l', 'U', 'u');
        return plain.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.Parse(plain.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : long.Parse(plain, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\s*#\s*define\s+(?<name>\w+)\s+(?<value>[^/]+?)\s*(?:/[/*].*)?$")]
    private static partial Regex Define();

    [GeneratedRegex(@"__MSABI_LONG\(([^)]*)\)")]
    private static partial Regex MsabiLong();

    // "(HANDLE)", "(LONG_PTR)", "(SOCKET)": a parenthesised type name directly before an operand.
    [GeneratedRegex(@"\(\s*[A-Z_][A-Z0-9_]*\s*\*?\s*\)(?=\s*[-~(0-9])")]
    private static partial Regex Cast();
}
