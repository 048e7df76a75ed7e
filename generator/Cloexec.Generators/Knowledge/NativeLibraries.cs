using System;
using System.Linq;

namespace Cloexec.Generators.Knowledge;

/// <summary>Which family of operating systems a native function belongs to.</summary>
internal enum NativePlatform
{
    /// <summary>libc and everything else: descriptors with a close-on-exec flag (Linux, macOS, FreeBSD).</summary>
    Unix,
    /// <summary>kernel32, ws2_32 and the CRT: handles with HANDLE_FLAG_INHERIT.</summary>
    Windows,
}

/// <summary>
/// Tells platforms apart by the library a declaration names. The same entry point can mean different things
/// (libc's <c>socket</c> takes SOCK_CLOEXEC, Winsock's takes nothing), and a library name is exact where a run-time
/// OS check would have to guess: a ws2_32 import only ever runs on Windows.
/// </summary>
internal static class NativeLibraries
{
    private static readonly string[] s_windowsLibraries = ["kernel32", "kernelbase", "ws2_32", "ucrtbase", "msvcrt"];

    // API sets (api-ms-win-crt-stdio-l1-1-0, api-ms-win-core-handle-l1-1-0...) name Windows too.
    private const string ApiSetPrefix = "api-ms-win-";

    public static NativePlatform PlatformOf(string? libraryName)
    {
        string name = Normalize(libraryName);
        return s_windowsLibraries.Contains(name) || name.StartsWith(ApiSetPrefix, StringComparison.Ordinal) ? NativePlatform.Windows : NativePlatform.Unix;
    }

    /// <summary>Whether what the library's functions return are Winsock SOCKETs, closed with closesocket.</summary>
    public static bool IsWinsock(string? libraryName) => Normalize(libraryName) == "ws2_32";

    /// <summary>
    /// Whether CRT descriptors of the library are msvcrt.dll's, whose descriptor table is not ucrtbase's: the runtime
    /// must find their handles, and close them, with msvcrt's own functions.
    /// </summary>
    public static bool IsMsvcrt(string? libraryName) => Normalize(libraryName) == "msvcrt";

    /// <summary>
    /// Whether the library is a C runtime (ucrtbase, its api-ms-win-crt-* API sets, msvcrt), whose descriptors are
    /// <c>int</c>s of its own table, never HANDLEs.
    /// </summary>
    public static bool IsCrt(string? libraryName)
    {
        string name = Normalize(libraryName);
        return name is "ucrtbase" or "msvcrt" || name.StartsWith(CrtApiSetPrefix, StringComparison.Ordinal);
    }

    private const string CrtApiSetPrefix = "api-ms-win-crt-";

    private static string Normalize(string? libraryName)
    {
        string name = (libraryName ?? string.Empty).Trim().ToLowerInvariant();
        return name.EndsWith(".dll", StringComparison.Ordinal) ? name.Substring(0, name.Length - 4) : name;
    }
}
