using System.ComponentModel;

namespace Cloexec.Interop;

/// <summary>
/// Which C runtime a Windows CRT descriptor (the <c>int</c> of _open, _pipe, _dup, _sopen_s) belongs to. Each CRT
/// keeps its own descriptor table: descriptor 3 of msvcrt.dll and descriptor 3 of ucrtbase.dll are unrelated
/// handles, so the fallback must look the handle up, and close the descriptor, in the CRT that made it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum CrtLibrary
{
    /// <summary>ucrtbase.dll, the Universal CRT (also reached through the <c>api-ms-win-crt-*</c> API sets).</summary>
    Ucrt,
    /// <summary>msvcrt.dll, the system's older CRT.</summary>
    Msvcrt,
}
