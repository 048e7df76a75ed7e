using System.Collections.Generic;
using System.Linq;

namespace Cloexec.Generators.Emitting;

/// <summary>
/// Breaks a statement longer than <see cref="MaxLength"/>, at the first of these it has outside brackets and literals:
/// a conditional (<c>c ? a : b</c>, one branch a line), else the first argument list with several arguments (one
/// argument a line, the rest of the statement after the last), else a generic type's member (<c>.Member</c> on the next
/// line), else an assignment (the value on the next line). The
/// pieces go one level deeper and are broken again while still too long. Comments are never broken.
/// </summary>
internal static class LineWrapper
{
    public const int MaxLength = 160;

    public const int IndentWidth = 4;

    /// <summary>The lines to write for <paramref name="line"/> at <paramref name="depth"/>, with the depth of each.</summary>
    public static IEnumerable<(int Depth, string Text)> Wrap(string line, int depth)
    {
        if ((depth * IndentWidth) + line.Length <= MaxLength || line.TrimStart().StartsWith("//", System.StringComparison.Ordinal))
        {
            return [(depth, line)];
        }

        List<string>? pieces = Conditional(line) ?? Arguments(line) ?? TypeMember(line) ?? Assignment(line);
        return pieces is null
            ? [(depth, line)]
            : pieces.SelectMany((piece, i) => Wrap(i == 0 ? piece : piece.Trim(), i == 0 ? depth : depth + 1));
    }

    /// <summary><c>x = c ? a : b;</c> as <c>x = c</c>, <c>? a</c>, <c>: b;</c>.</summary>
    private static List<string>? Conditional(string line)
    {
        int question = TopLevel(line, 1).FirstOrDefault(i => line[i] == '?' && line[i - 1] == ' ' && At(line, i + 1) == ' ');
        int colon = question <= 0 ? 0 : TopLevel(line, question + 1).FirstOrDefault(i => line[i] == ':' && line[i - 1] == ' ' && At(line, i + 1) == ' ');
        return colon <= 0 ? null : [line.Substring(0, question - 1), line.Substring(question, colon - 1 - question), line.Substring(colon)];
    }

    /// <summary>The first argument list with several arguments: up to its '(', then each argument, the rest after the last.</summary>
    private static List<string>? Arguments(string line)
    {
        for (int open = line.IndexOf('('); open >= 0; open = line.IndexOf('(', open + 1))
        {
            int[] commas = TopLevel(line, open + 1).TakeWhile(i => !IsCloser(line[i])).Where(i => line[i] == ',').ToArray();
            if (commas.Length > 0 && !InLiteral(line, open))
            {
                var pieces = new List<string> { line.Substring(0, open + 1) };
                int start = open + 1;
                foreach (int comma in commas)
                {
                    pieces.Add(line.Substring(start, comma + 1 - start));
                    start = comma + 1;
                }

                pieces.Add(line.Substring(start));
                return pieces;
            }
        }

        return null;
    }

    /// <summary><c>T x = value;</c> as <c>T x =</c> and <c>value;</c>.</summary>
    private static List<string>? Assignment(string line)
    {
        int equals = TopLevel(line, 1).FirstOrDefault(i => line[i] == '=' && line[i - 1] == ' ' && At(line, i + 1) == ' ');
        return equals <= 0 ? null : [line.Substring(0, equals + 1), line.Substring(equals + 1)];
    }

    /// <summary>A member of a generic type (<c>SafeHandleMarshaller&lt;T&gt;.ManagedToUnmanagedIn x</c>): the member on the next line.</summary>
    private static List<string>? TypeMember(string line)
    {
        int dot = TopLevel(line, 1).FirstOrDefault(i => line[i] == '.' && line[i - 1] == '>');
        return dot <= 0 ? null : [line.Substring(0, dot), line.Substring(dot)];
    }

    /// <summary>
    /// The positions from <paramref name="start"/> that are outside brackets opened after it and outside literals; a closer
    /// of a bracket opened before <paramref name="start"/> is yielded too, and ends the walk.
    /// </summary>
    private static IEnumerable<int> TopLevel(string line, int start)
    {
        int depth = 0;
        for (int i = start; i < line.Length; i++)
        {
            char c = line[i];
            if (c is '"' or '\'')
            {
                i = EndOfLiteral(line, i);
            }
            else if (c is '(' or '[' or '{' || IsTypeArgumentsOpen(line, i))
            {
                depth++;
            }
            else if (IsCloser(c) || (c == '>' && depth > 0 && line[i - 1] is not (' ' or '=' or '-')))
            {
                if (depth == 0)
                {
                    yield return i;
                    yield break;
                }

                depth--;
            }
            else if (depth == 0)
            {
                yield return i;
            }
        }
    }

    private static bool IsCloser(char c) => c is ')' or ']' or '}';

    private static char At(string line, int i) => i < line.Length ? line[i] : '\0';

    private static bool InLiteral(string line, int position)
    {
        for (int i = 0; i < position; i++)
        {
            if (line[i] is '"' or '\'')
            {
                i = EndOfLiteral(line, i);
                if (i >= position)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int EndOfLiteral(string line, int start)
    {
        for (int i = start + 1; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == line[start])
            {
                return i;
            }
        }

        return line.Length;
    }

    // A type argument list: '<' right after a name (Span<int>, delegate* unmanaged<int, int>), never a comparison.
    private static bool IsTypeArgumentsOpen(string line, int i) =>
        line[i] == '<' && i > 0 && (char.IsLetterOrDigit(line[i - 1]) || line[i - 1] == '_') && At(line, i + 1) is not ('=' or ' ');
}
