using System;
using System.Collections.Generic;

namespace Cloexec.Analyzers.Knowledge;

/// <summary>Library names under which a declaration reaches the C library, whose entry points the generator's table lists.</summary>
internal static class LibcNames
{
    private static readonly HashSet<string> s_names = new(StringComparer.Ordinal)
    {
        "libc", "libc.so", "libc.so.6", "libc.so.7", "c",
        "libSystem", "libSystem.dylib", "libSystem.B.dylib", "/usr/lib/libSystem.dylib", "/usr/lib/libSystem.B.dylib",
    };

    public static bool IsLibc(string? libraryName) => libraryName is not null && s_names.Contains(libraryName);
}
