using System.Runtime.InteropServices;

namespace Cloexec.Platform;

/// <summary>The C library's stream and directory calls the set-after paths need (no SetLastError: errno is read directly).</summary>
internal static class Stdio
{
    private const string Library = "libc";

    [DllImport(Library, EntryPoint = "fileno")]
    internal static extern int FileNumber(nint stream);

    [DllImport(Library, EntryPoint = "fclose")]
    internal static extern int Close(nint stream);

    [DllImport(Library, EntryPoint = "pclose")]
    internal static extern int ProcessClose(nint stream);

    [DllImport(Library, EntryPoint = "dirfd")]
    internal static extern int DirectoryNumber(nint directory);

    [DllImport(Library, EntryPoint = "closedir")]
    internal static extern int CloseDirectory(nint directory);
}
