using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Cloexec.Tests.Oracles;

/// <summary>
/// Rust's libc crate for one target: the <c>pub const</c> and <c>pub fn</c> items of the modules that target
/// compiles, with the crate's <c>cfg</c> and <c>cfg_if!</c> conditions evaluated for it.
/// </summary>
internal sealed partial class RustLibc
{
    private readonly Dictionary<string, string> _cfg;
    private readonly Dictionary<string, (string Expression, string File)> _constants = new(StringComparer.Ordinal);
    private readonly HashSet<string> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _conflicts = new(StringComparer.Ordinal);

    /// <param name="target">The target's cfg facts: <c>target_os=linux</c>, <c>target_arch=x86_64</c>...</param>
    /// <param name="files">The crate's files this target compiles (under src/), as its lib.rs and mod.rs choose them.</param>
    public RustLibc(string target, string[] files)
    {
        Target = target;
        _cfg = target.Split(' ').Select(fact => fact.Split('=')).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : string.Empty);
        foreach (string file in files)
        {
            string path = Path.Combine(OracleSources.RustLibc, "src", file);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"Rust's libc has no {file} (target {target})");
            }

            Read(path, file);
        }
    }

    public string Target { get; }

    /// <summary>
    /// The value of <paramref name="name"/> for this target, null when the crate has none. A name defined twice with
    /// different values for the target (a mistake in the file list or in reading a cfg) throws rather than pick one.
    /// </summary>
    public long? Constant(string name) =>
        _conflicts.TryGetValue(name, out string? conflict) ? throw new InvalidOperationException($"Rust's libc ({Target}): {conflict}")
        : _constants.ContainsKey(name) ? Evaluate(name, 0)
        : null;

    public bool HasFunction(string name) => _functions.Contains(name);

    private long Evaluate(string name, int depth)
    {
        if (depth > 10 || !_constants.TryGetValue(name, out var constant))
        {
            throw new InvalidOperationException($"Rust's libc ({Target}): cannot evaluate {name}");
        }

        long value = 0;
        foreach (string part in constant.Expression.Split('|'))
        {
            string term = Regex.Replace(part, @"\bas\s+[:\w]+", string.Empty).Replace("(", string.Empty, StringComparison.Ordinal)
                .Replace(")", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Trim();
            if (term.Length == 0 || char.IsLetter(term[0]))
            {
                // Another constant, by name: "O_CLOEXEC" (its underscores were not removed: look it up as written).
                string other = Regex.Replace(part, @"\bas\s+[:\w]+", string.Empty).Trim(' ', '(', ')', ':');
                value |= Evaluate(other.TrimStart(':'), depth + 1);
                continue;
            }

            // "1 << 2": a literal shifted by a literal.
            string[] shift = term.Split("<<", StringSplitOptions.TrimEntries);
            if (shift.Length == 2)
            {
                value |= Literal(shift[0]) << (int)Literal(shift[1]);
                continue;
            }

            value |= Literal(term);
        }

        return value;
    }

    private static long Literal(string term) => term switch
    {
        _ when term.StartsWith("0x", StringComparison.Ordinal) => long.Parse(term.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        _ when term.StartsWith("0o", StringComparison.Ordinal) => Convert.ToInt64(term[2..], 8),
        _ when term.StartsWith("0b", StringComparison.Ordinal) => Convert.ToInt64(term[2..], 2),
        // A leading 0 is not octal in Rust.
        _ => long.Parse(term, CultureInfo.InvariantCulture),
    };

    private sealed class Frame(int depth, bool active, bool isChain)
    {
        public int Depth { get; } = depth;
        public bool Active { get; set; } = active;
        public bool IsChain { get; } = isChain;
        public bool AnyTaken { get; set; }
    }

    private void Read(string path, string file)
    {
        var frames = new List<Frame>();
        int depth = 0;
        string? pendingCfg = null;
        string? partial = null;
        foreach (string raw in File.ReadLines(path))
        {
            string line = StripComment(raw).Trim();
            if (partial is not null)
            {
                line = partial + " " + line;
                partial = null;
            }

            if (line.Length == 0)
            {
                continue;
            }

            // A cfg condition written over several lines: read it whole.
            if (line.Contains("#[cfg(", StringComparison.Ordinal) && line.Count(c => c == '(') > line.Count(c => c == ')'))
            {
                partial = line;
                continue;
            }

            if (line.StartsWith("cfg_if!", StringComparison.Ordinal))
            {
                frames.Add(new Frame(depth, active: true, isChain: true));
                depth++;
                continue;
            }

            Match branch = ChainBranch().Match(line);
            if (branch.Success)
            {
                Frame? chain = null;
                if (branch.Groups["close"].Success)
                {
                    // "} else if #[cfg(...)] {" or "} else {" right inside a cfg_if!: close the branch, open the next.
                    if (frames.Count >= 2 && frames[^2].IsChain && frames[^1].Depth == depth - 1 && frames[^2].Depth == depth - 2)
                    {
                        frames.RemoveAt(frames.Count - 1);
                        depth--;
                        chain = frames[^1];
                    }
                }
                else if (branch.Groups["cfg"].Success && frames.Count > 0 && frames[^1].IsChain && frames[^1].Depth == depth - 1)
                {
                    chain = frames[^1];
                }

                if (chain is not null)
                {
                    bool taken = !chain.AnyTaken && (!branch.Groups["cfg"].Success || Eval(branch.Groups["cfg"].Value));
                    chain.AnyTaken |= taken;
                    frames.Add(new Frame(depth, taken, isChain: false));
                    depth++;
                    continue;
                }
            }

            Match attribute = CfgAttribute().Match(line);
            if (attribute.Success)
            {
                pendingCfg = attribute.Groups["cfg"].Value;
                continue;
            }

            if (line.StartsWith("#[", StringComparison.Ordinal))
            {
                continue;
            }

            bool active = frames.All(f => f.Active) && (pendingCfg is null || Eval(pendingCfg));
            int opens = line.Count(c => c == '{');
            int closes = line.Count(c => c == '}');
            if (active)
            {
                Match constant = ConstantItem().Match(line);
                Match function = FunctionItem().Match(line);
                if (constant.Success)
                {
                    Add(constant.Groups["name"].Value, constant.Groups["value"].Value.Trim(), file);
                }
                else if (function.Success)
                {
                    _functions.Add(function.Groups["name"].Value);
                }
            }

            if (opens > closes && pendingCfg is not null)
            {
                // "#[cfg(...)] extern {" or "#[cfg(...)] s! {": the condition holds for the whole block.
                frames.Add(new Frame(depth, Eval(pendingCfg), isChain: false));
            }

            pendingCfg = null;
            depth += opens - closes;
            while (frames.Count > 0 && depth <= frames[^1].Depth)
            {
                frames.RemoveAt(frames.Count - 1);
            }
        }
    }

    private void Add(string name, string expression, string file)
    {
        if (_constants.TryGetValue(name, out var existing) && existing.Expression != expression)
        {
            _conflicts[name] = $"{name} is {existing.Expression} ({existing.File}) and {expression} ({file})";
            return;
        }

        _constants[name] = (expression, file);
    }

    /// <summary>A cfg predicate: <c>any(...)</c>, <c>all(...)</c>, <c>not(...)</c>, <c>key = "value"</c> or a bare name.</summary>
    private bool Eval(string predicate)
    {
        int position = 0;
        bool result = EvalAt(predicate, ref position);
        return result;
    }

    private bool EvalAt(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        int start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '_'))
        {
            position++;
        }

        string name = text[start..position];
        SkipSpaces(text, ref position);
        if (position < text.Length && text[position] == '(')
        {
            position++;
            var values = new List<bool>();
            while (true)
            {
                SkipSpaces(text, ref position);
                if (text[position] == ')')
                {
                    position++;
                    break;
                }

                values.Add(EvalAt(text, ref position));
                SkipSpaces(text, ref position);
                if (text[position] == ',')
                {
                    position++;
                }
            }

            return name switch
            {
                "any" => values.Any(v => v),
                "all" => values.All(v => v),
                "not" => !values[0],
                _ => throw new InvalidOperationException($"unknown cfg operator {name} in {text}"),
            };
        }

        if (position < text.Length && text[position] == '=')
        {
            position++;
            SkipSpaces(text, ref position);
            int open = text.IndexOf('"', position);
            int close = text.IndexOf('"', open + 1);
            string value = text[(open + 1)..close];
            position = close + 1;
            // target_family is "unix" unless the target says otherwise; a fact this target does not state is false.
            string? fact = _cfg.TryGetValue(name, out string? stated) ? stated : name == "target_family" ? "unix" : null;
            return fact == value;
        }

        // Bare names: the crate's own libc_* switches, on for any recent compiler; the rest only when stated.
        return name.StartsWith("libc_", StringComparison.Ordinal) || _cfg.ContainsKey(name);
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private static string StripComment(string line)
    {
        int comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment >= 0 && line.LastIndexOf('"', comment) < 0 ? line[..comment] : line;
    }

    [GeneratedRegex(@"^(?<close>\}\s*else\s*)?(?:if\s+#\[cfg\((?<cfg>.*)\)\]\s*)?\{$")]
    private static partial Regex ChainBranch();

    [GeneratedRegex(@"^#\[cfg\((?<cfg>.*)\)\]$")]
    private static partial Regex CfgAttribute();

    [GeneratedRegex(@"^pub const (?<name>\w+)\s*:[^=]+=\s*(?<value>[^;]+);")]
    private static partial Regex ConstantItem();

    [GeneratedRegex(@"^pub fn (?<name>\w+)\s*\(")]
    private static partial Regex FunctionItem();
}
