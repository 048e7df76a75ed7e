using System.Runtime.InteropServices;

namespace WindowsBindings.Native;

/// <summary>The universal CRT's low-level I/O, under the DLL names bindings use for it.</summary>
internal static unsafe partial class Ucrt
{
    private const string ApiSetStdio = "api-ms-win-crt-stdio-l1-1-0.dll";

    [DllImport("ucrtbase", CharSet = CharSet.Unicode, CallingConvention = CallingConvention.Cdecl)]
    public static extern int _wopen(string filename, int oflag, int pmode);

    // The ANSI path under the ANSI code page.
    [DllImport(ApiSetStdio, CallingConvention = CallingConvention.Cdecl, CharSet = CharSet.Ansi, ExactSpelling = true)]
    public static extern int _sopen_s(out int pfh, string filename, int oflag, int shflag, int pmode);

    [LibraryImport("ucrtbase.dll", StringMarshalling = StringMarshalling.Utf16)]
    internal static partial int _wsopen_s(out int pfh, string filename, int oflag, int shflag, int pmode);

    [DllImport("ucrtbase.dll", CallingConvention = CallingConvention.Cdecl)]
    public static extern int _pipe(int* pfds, uint psize, int textmode);

    [DllImport(ApiSetStdio, CallingConvention = CallingConvention.Cdecl)]
    public static extern int _dup(int fd);

    // fd2 becomes a duplicate of fd1, inheritable: 0 or -1.
    [DllImport("ucrtbase.dll", CallingConvention = CallingConvention.Cdecl, SetLastError = true)]
    public static extern int _dup2(int fd1, int fd2);

    // No descriptor created: not reported.
    [DllImport("ucrtbase", CallingConvention = CallingConvention.Cdecl)]
    public static extern nint _get_osfhandle(int fd);

    [DllImport("ucrtbase", CallingConvention = CallingConvention.Cdecl)]
    public static extern int _close(int fd);
}

/// <summary>msvcrt.dll, the system's older CRT, whose descriptors are its own.</summary>
internal static class Msvcrt
{
    [DllImport("msvcrt.dll", CallingConvention = CallingConvention.Cdecl, SetLastError = true)]
    public static extern int _open(string filename, int oflag, int pmode);

    [DllImport("msvcrt", CallingConvention = CallingConvention.Cdecl)]
    public static extern int _pipe([Out] int[] phandles, uint psize, int textmode);

    [DllImport("MSVCRT.DLL")]
    public static extern int _dup(int fd);

    [DllImport("msvcrt", CallingConvention = CallingConvention.Cdecl)]
    public static extern int _dup2(int handle1, int handle2);

    [DllImport("msvcrt.dll", CallingConvention = CallingConvention.Cdecl)]
    public static extern nint _get_osfhandle(int fd);

    [DllImport("msvcrt.dll", CallingConvention = CallingConvention.Cdecl)]
    public static extern int _close(int fd);
}

/// <summary>kernel32 functions the checks use; none creates a handle.</summary>
internal static partial class Kernel32
{
    internal const uint HANDLE_FLAG_INHERIT = 0x1;

    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern bool GetHandleInformation(nint hObject, out uint lpdwFlags);

    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern unsafe bool WriteFile(nint hFile, byte* buffer, int count, out int written, nint overlapped);

    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern bool PeekNamedPipe(nint hNamedPipe, nint buffer, int size, nint read, out int available, nint left);

    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern bool CloseHandle(nint handle);
}
