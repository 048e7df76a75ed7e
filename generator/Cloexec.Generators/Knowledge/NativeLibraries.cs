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

    /// <summary>
    /// Whether a Unix declaration of <paramref name="entryPoint"/> from <paramref name="libraryName"/> reaches a function of the
    /// generator's table: every C library's (glibc, musl, FreeBSD's libc, Apple's libSystem) under the names bindings
    /// write, a full path included, and libutil's for the functions libutil exports (openpty: glibc before 2.34 and
    /// FreeBSD put it there; Apple's libSystem and glibc 2.34 and later export it from the C library as well).
    /// </summary>
    public static bool ExportsUnixCreator(string? libraryName, string entryPoint)
    {
        string file = FileNameOf(libraryName);
        return IsCLibrary(file) || (IsLibutil(file) && s_libutilCreators.Contains(entryPoint));
    }

    // libc: glibc's soname and the names its loader resolves; FreeBSD's libc.so.7; "c" and "libc", which .NET
    // probes with "lib" and ".so"/".dylib" added; Apple's libSystem under its names and its full path.
    private static readonly string[] s_cLibraries =
    [
        "libc", "c", "libc.so", "libc.so.6", "libc.so.7",
        "libSystem", "libSystem.dylib", "libSystem.B", "libSystem.B.dylib",
    ];

    // musl names its C library after the architecture: libc.musl-x86_64.so.1, libc.musl-aarch64.so.1...
    private const string MuslPrefix = "libc.musl-";
    private const string MuslSuffix = ".so.1";

    // libutil.so.1 (glibc before 2.34), libutil.so.9 (FreeBSD), "util" and "libutil" (probed with prefix and suffix).
    private static readonly string[] s_libutilNames = ["libutil", "util", "libutil.so", "libutil.so.1", "libutil.so.9"];

    // Of libutil's functions only openpty is in the table: login_tty makes a descriptor the caller's standard streams,
    // which children are meant to inherit, and forkpty forks the calling process, which .NET does not survive in the
    // child (see docs/code-fix.md).
    private static readonly string[] s_libutilCreators = ["openpty"];

    private static bool IsCLibrary(string file) =>
        s_cLibraries.Contains(file, StringComparer.Ordinal)
        || (file.StartsWith(MuslPrefix, StringComparison.Ordinal) && file.EndsWith(MuslSuffix, StringComparison.Ordinal));

    private static bool IsLibutil(string file) => s_libutilNames.Contains(file, StringComparer.Ordinal);

    // "/usr/lib/libSystem.B.dylib" and "/lib/x86_64-linux-gnu/libc.so.6" name the same libraries as their file names.
    private static string FileNameOf(string? libraryName)
    {
        string name = (libraryName ?? string.Empty).Trim();
        return name.Substring(name.LastIndexOf('/') + 1);
    }

    private static string Normalize(string? libraryName)
    {
        string name = (libraryName ?? string.Empty).Trim().ToLowerInvariant();
        return name.EndsWith(".dll", StringComparison.Ordinal) ? name.Substring(0, name.Length - 4) : name;
    }
}
