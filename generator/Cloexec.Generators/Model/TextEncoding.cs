namespace Cloexec.Generators.Model;

/// <summary>How characters cross in a native buffer. The member names are those of the runtime's StringBuilderBuffer methods.</summary>
internal enum TextEncoding
{
    /// <summary>The ANSI code page on Windows, UTF-8 elsewhere (<c>LPStr</c>, <c>CharSet.Ansi</c>).</summary>
    Ansi,
    /// <summary>UTF-8 on every OS (<c>LPUTF8Str</c>, <c>StringMarshalling.Utf8</c>).</summary>
    Utf8,
    /// <summary>UTF-16 on every OS (<c>LPWStr</c>, <c>CharSet.Unicode</c>, <c>StringMarshalling.Utf16</c>).</summary>
    Utf16,
    /// <summary>UTF-16 on Windows, UTF-8 elsewhere (<c>LPTStr</c>, <c>CharSet.Auto</c>).</summary>
    Platform,
}
