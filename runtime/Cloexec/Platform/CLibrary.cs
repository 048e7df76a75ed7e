using System.Runtime.InteropServices;

namespace Cloexec.Platform;

/// <summary>Finds functions in the C library by name, so that one missing in this OS version is never called.</summary>
internal static class CLibrary
{
    // "libc" is the name every generated import and Libc use; the runtime maps it to the C library itself on Linux
    // (libc.so.6), macOS (/usr/lib/libc.dylib, which re-exports libSystem) and FreeBSD (libc.so.7).
    private const string Name = "libc";

    private static readonly nint s_handle = NativeLibrary.TryLoad(Name, out nint handle) ? handle : 0;

    /// <summary>The address of <paramref name="function"/> in the C library, 0 when it exports no such function.</summary>
    internal static nint Find(string function) =>
        s_handle != 0 && NativeLibrary.TryGetExport(s_handle, function, out nint address) ? address : 0;
}
