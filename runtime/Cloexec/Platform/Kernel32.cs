using System.Runtime.InteropServices;

namespace Cloexec.Platform;

/// <summary>
/// The kernel32 calls the runtime makes on Windows. Blittable and without SetLastError, like <see cref="Libc"/>:
/// the error is read with <see cref="Marshal.GetLastSystemError"/>, and the caller's last P/Invoke error stays.
/// </summary>
internal static class Kernel32
{
    private const string Library = "kernel32";

    [DllImport(Library, EntryPoint = "GetHandleInformation", ExactSpelling = true)]
    internal static extern unsafe int GetHandleInformation(nint handle, uint* flags);

    [DllImport(Library, EntryPoint = "SetHandleInformation", ExactSpelling = true)]
    internal static extern int SetHandleInformation(nint handle, uint mask, uint flags);

    [DllImport(Library, EntryPoint = "CloseHandle", ExactSpelling = true)]
    internal static extern int CloseHandle(nint handle);
}
