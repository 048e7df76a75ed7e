using System;

namespace Cloexec.Interop;

/// <summary>
/// Edits a stdio mode string's <c>e</c> (close-on-exec): glibc and FreeBSD read the mode's letters up to the first
/// comma (glibc's <c>,ccs=</c> follows), so an added <c>e</c> goes before it, and a removed one only from before it.
/// </summary>
internal static unsafe class ModeStrings
{
    private const byte CloexecLetter = (byte)'e';
    private const byte OptionsStart = (byte)',';

    // Pinned, per thread, grown as needed: the call that reads the copy runs on this thread before its next edit.
    [ThreadStatic]
    private static byte[]? t_buffer;

    internal static byte* With(byte* mode, bool cloexec)
    {
        if (mode is null)
        {
            return mode;
        }

        var source = new ReadOnlySpan<byte>(mode, int.MaxValue);
        source = source[..source.IndexOf((byte)0)];
        byte[] buffer = t_buffer is { } existing && existing.Length >= source.Length + 2
            ? existing
            : t_buffer = GC.AllocateArray<byte>(Math.Max(16, source.Length + 2), pinned: true);
        int written = Edit(source, buffer, cloexec);
        buffer[written] = 0;
        fixed (byte* copy = buffer)
        {
            // The array lives on the pinned object heap: its address stays valid after this block.
            return copy;
        }
    }

    internal static string With(string mode, bool cloexec)
    {
        int options = mode.IndexOf(',', StringComparison.Ordinal);
        string letters = options < 0 ? mode : mode[..options];
        string rest = options < 0 ? string.Empty : mode[options..];
        if (!cloexec)
        {
            return letters.Replace("e", string.Empty, StringComparison.Ordinal) + rest;
        }

        return (letters.Contains('e', StringComparison.Ordinal) ? letters : letters + "e") + rest;
    }

    private static int Edit(ReadOnlySpan<byte> mode, Span<byte> destination, bool cloexec)
    {
        int options = mode.IndexOf(OptionsStart);
        int letters = options < 0 ? mode.Length : options;
        bool has = mode[..letters].Contains(CloexecLetter);
        int written = 0;
        for (int i = 0; i < letters; i++)
        {
            if (cloexec || mode[i] != CloexecLetter)
            {
                destination[written++] = mode[i];
            }
        }

        if (cloexec && !has)
        {
            destination[written++] = CloexecLetter;
        }

        mode[letters..].CopyTo(destination[written..]);
        return written + mode.Length - letters;
    }
}
