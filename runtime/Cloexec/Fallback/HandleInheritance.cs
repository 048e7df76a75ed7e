using System.Runtime.InteropServices;
using Cloexec.Platform;

namespace Cloexec.Fallback;

/// <summary>
/// Windows' counterpart of <see cref="CloexecSetter"/>: close-on-exec is <c>HANDLE_FLAG_INHERIT</c> clear, read
/// with GetHandleInformation and changed with SetHandleInformation. Every method returns 0 or the Win32 error.
/// </summary>
internal static class HandleInheritance
{
    /// <summary>Whether <paramref name="handle"/> is not inherited; the Win32 error in <paramref name="error"/> when asking failed.</summary>
    internal static unsafe bool TryGet(nint handle, out bool cloexec, out int error)
    {
        uint flags;
        if (Kernel32.GetHandleInformation(handle, &flags) == 0)
        {
            error = Marshal.GetLastSystemError();
            cloexec = false;
            return false;
        }

        error = 0;
        cloexec = (flags & WindowsValues.HandleFlagInherit) == 0;
        return true;
    }

    internal static int TrySet(nint handle, bool cloexec)
    {
        if (CloexecSetter.FailWithErrnoForTests != 0)
        {
            return CloexecSetter.FailWithErrnoForTests;
        }

        uint flags = cloexec ? 0 : WindowsValues.HandleFlagInherit;
        return Kernel32.SetHandleInformation(handle, WindowsValues.HandleFlagInherit, flags) == 0 ? Marshal.GetLastSystemError() : 0;
    }

    // A CRT descriptor is ucrtbase's unless msvcrt is true: msvcrt.dll has a descriptor table of its own.

    /// <summary>The handle behind a CRT descriptor, or 0 with <paramref name="error"/> set when it has none.</summary>
    internal static nint HandleOf(int crtDescriptor, bool msvcrt, out int error)
    {
        nint handle = msvcrt ? Msvcrt.GetOsHandle(crtDescriptor) : Ucrt.GetOsHandle(crtDescriptor);
        error = handle == WindowsValues.InvalidHandle ? WindowsValues.ErrorInvalidHandle : 0;
        return error == 0 ? handle : 0;
    }

    internal static int TrySetCrt(int crtDescriptor, bool cloexec, bool msvcrt)
    {
        nint handle = HandleOf(crtDescriptor, msvcrt, out int error);
        return error != 0 ? error : TrySet(handle, cloexec);
    }

    /// <summary>Closes a descriptor with the <c>_close</c> of the CRT that made it.</summary>
    internal static void CloseCrt(int crtDescriptor, bool msvcrt) =>
        _ = msvcrt ? Msvcrt.Close(crtDescriptor) : Ucrt.Close(crtDescriptor);

    /// <summary>Makes a new handle non-inheritable; on failure closes it with CloseHandle.</summary>
    internal static int SetOrCloseHandle(nint handle)
    {
        int error = TrySet(handle, cloexec: true);
        if (error != 0)
        {
            _ = Kernel32.CloseHandle(handle);
        }

        return error;
    }

    /// <summary>Makes a new socket non-inheritable; on failure closes it with closesocket.</summary>
    internal static int SetOrCloseSocket(nint socket)
    {
        int error = TrySet(socket, cloexec: true);
        if (error != 0)
        {
            _ = Winsock.CloseSocket(socket);
        }

        return error;
    }

    /// <summary>Makes a new CRT descriptor's handle non-inheritable; on failure closes the descriptor with its CRT's _close.</summary>
    internal static int SetOrCloseCrt(int crtDescriptor, bool msvcrt)
    {
        int error = TrySetCrt(crtDescriptor, cloexec: true, msvcrt);
        if (error != 0)
        {
            CloseCrt(crtDescriptor, msvcrt);
        }

        return error;
    }
}
