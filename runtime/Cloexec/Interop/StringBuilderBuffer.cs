using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using System.Text;

namespace Cloexec.Interop;

/// <summary>
/// A <see cref="StringBuilder"/> as the native character buffer <c>[DllImport]</c> makes of it: room for the builder's
/// capacity in the string's encoding plus terminators, its text copied in before the call (unless <c>[Out]</c> only) and
/// read back after it (unless <c>[In]</c> only). Not for hand-written code: the contract is the generator's.
/// </summary>
/// <remarks>
/// The buffer starts zeroed: a function that writes no terminator still leaves one after its text, and an <c>[Out]</c>
/// buffer that is not copied in reads as the empty string, where <c>[DllImport]</c> passes whatever memory it got.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class StringBuilderBuffer
{
    // [DllImport] leaves room past the capacity for terminators of every width: one byte, then three more.
    private const int TerminatorBytes = 4;

    // The most bytes one UTF-16 code unit becomes in UTF-8 (a surrogate pair, two units, becomes four).
    private const int MaxUtf8BytesPerChar = 3;

    /// <summary>The builder in the ANSI code page on Windows, UTF-8 elsewhere (<c>LPStr</c>, <c>CharSet.Ansi</c>).</summary>
    public static byte* ToAnsi(StringBuilder? builder, bool copyIn)
    {
        if (builder is null)
        {
            return null;
        }

        int size = checked((builder.Capacity * Marshal.SystemMaxDBCSCharSize) + TerminatorBytes);
        byte* buffer = (byte*)NativeMemory.AllocZeroed((nuint)size);
        if (copyIn)
        {
            byte* converted = AnsiStringMarshaller.ConvertToUnmanaged(builder.ToString());
            try
            {
                ReadOnlySpan<byte> text = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(converted);
                text[..Math.Min(text.Length, size - TerminatorBytes)].CopyTo(new Span<byte>(buffer, size));
            }
            finally
            {
                AnsiStringMarshaller.Free(converted);
            }
        }

        return buffer;
    }

    /// <summary>The builder in UTF-8 (<c>LPUTF8Str</c>).</summary>
    public static byte* ToUtf8(StringBuilder? builder, bool copyIn)
    {
        if (builder is null)
        {
            return null;
        }

        int size = checked((builder.Capacity * MaxUtf8BytesPerChar) + TerminatorBytes);
        byte* buffer = (byte*)NativeMemory.AllocZeroed((nuint)size);
        if (copyIn)
        {
            _ = Encoding.UTF8.GetBytes(builder.ToString(), new Span<byte>(buffer, size - TerminatorBytes));
        }

        return buffer;
    }

    /// <summary>The builder in UTF-16 (<c>LPWStr</c>, <c>CharSet.Unicode</c>).</summary>
    public static char* ToUtf16(StringBuilder? builder, bool copyIn)
    {
        if (builder is null)
        {
            return null;
        }

        int size = checked((builder.Capacity * sizeof(char)) + TerminatorBytes);
        char* buffer = (char*)NativeMemory.AllocZeroed((nuint)size);
        if (copyIn)
        {
            builder.CopyTo(0, new Span<char>(buffer, builder.Capacity), builder.Length);
        }

        return buffer;
    }

    /// <summary>UTF-16 on Windows, UTF-8 elsewhere (<c>LPTStr</c>, <c>CharSet.Auto</c>), as .NET's <c>[DllImport]</c> does.</summary>
    public static void* ToPlatform(StringBuilder? builder, bool copyIn) =>
        OperatingSystem.IsWindows() ? ToUtf16(builder, copyIn) : ToUtf8(builder, copyIn);

    /// <summary>Replaces the builder's text with the buffer's, read up to its terminator, from the ANSI code page.</summary>
    public static void FromAnsi(StringBuilder? builder, byte* buffer) => Replace(builder, buffer is null ? null : AnsiStringMarshaller.ConvertToManaged(buffer));

    /// <summary>Replaces the builder's text with the buffer's, read up to its terminator, from UTF-8.</summary>
    public static void FromUtf8(StringBuilder? builder, byte* buffer) => Replace(builder, buffer is null ? null : Utf8StringMarshaller.ConvertToManaged(buffer));

    /// <summary>Replaces the builder's text with the buffer's, read up to its terminator, from UTF-16.</summary>
    public static void FromUtf16(StringBuilder? builder, char* buffer) => Replace(builder, buffer is null ? null : new string(buffer));

    /// <summary>The buffer <see cref="ToPlatform"/> made, read back in the same encoding.</summary>
    public static void FromPlatform(StringBuilder? builder, void* buffer)
    {
        if (OperatingSystem.IsWindows())
        {
            FromUtf16(builder, (char*)buffer);
        }
        else
        {
            FromUtf8(builder, (byte*)buffer);
        }
    }

    /// <summary>Releases a buffer made by one of the <c>To</c> methods; null is ignored.</summary>
    public static void Free(void* buffer) => NativeMemory.Free(buffer);

    private static void Replace(StringBuilder? builder, string? text)
    {
        if (builder is not null && text is not null)
        {
            _ = builder.Clear().Append(text);
        }
    }
}
