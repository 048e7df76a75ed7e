namespace Cloexec.Platform;

// The Windows part of the one table of native numbers (the Unix part is PlatformValues). Windows has no
// close-on-exec flag: a handle is inherited by a CreateProcess with bInheritHandles = TRUE exactly when its
// HANDLE_FLAG_INHERIT is set, so "close-on-exec" here means "HANDLE_FLAG_INHERIT clear".

/// <summary>Native values of Windows.</summary>
internal static class WindowsValues
{
    /// <summary><c>HANDLE_FLAG_INHERIT</c>: Windows SDK um/WinBase.h; Get/SetHandleInformation's flag bit.</summary>
    internal const uint HandleFlagInherit = 0x1;

    /// <summary>The NoInherit family's flag: Windows SDK ucrt/fcntl.h; the CRT's _open/_wopen/_pipe flag for a non-inheritable handle.</summary>
    internal const int ONoInherit = 0x80;

    /// <summary>The WsaNoHandleInherit family's flag: Windows SDK um/winsock2.h; WSASocket's dwFlags bit (Windows 7 SP1 and later).</summary>
    internal const int WsaFlagNoHandleInherit = 0x80;

    /// <summary><c>ERROR_INVALID_HANDLE</c>: Windows SDK shared/winerror.h; what a CRT descriptor without a handle reports.</summary>
    internal const int ErrorInvalidHandle = 6;

    /// <summary><c>EBADF</c>: Windows SDK ucrt/errno.h (msvcrt's errno.h agrees); what _sopen_s reports for a descriptor without a handle.</summary>
    internal const int CrtEBadF = 9;

    /// <summary><c>EACCES</c>: Windows SDK ucrt/errno.h; what _sopen_s reports when the handle's inheritance cannot be changed.</summary>
    internal const int CrtEAcces = 13;

    /// <summary><c>INVALID_HANDLE_VALUE</c> and <c>INVALID_SOCKET</c>: (HANDLE)-1 and (SOCKET)~0, WinBase.h and winsock2.h.</summary>
    internal const nint InvalidHandle = -1;
}
