using System.Text;

namespace Cloexec.Generators.Emitting;

/// <summary>Writes indented C# lines with <c>\n</c> endings, so output is the same on every OS, none much longer than 160 characters.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    /// <summary>Writes <paramref name="line"/>, broken into several where it is too long (<see cref="LineWrapper"/>).</summary>
    public CodeWriter Line(string line = "")
    {
        foreach ((int depth, string text) in LineWrapper.Wrap(line, _depth))
        {
            if (text.Length > 0)
            {
                _text.Append(' ', depth * LineWrapper.IndentWidth).Append(text);
            }

            _text.Append('\n');
        }

        return this;
    }

    public CodeWriter Open(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _depth++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _depth--;
        return Line("}" + suffix);
    }

    public override string ToString() => _text.ToString();
}
