#nullable disable
using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

// Style: the .NET Framework reference source's System.Diagnostics.Process (Microsoft.Win32.NativeMethods), which
// process launchers copied to start children with redirected streams: written before nullable annotations,
// SECURITY_ATTRIBUTES a layout class (null passes NULL), BOOL a plain bool, the pipe's ends out SafeFileHandles, the
// processes HandleRefs, an abstract SafeHandle source; CreateFile from an API set, as corefx's watcher declared it.
namespace WindowsBindings.Native.Launcher;

/// <summary>SECURITY_ATTRIBUTES as a class: the marshaller passes a pointer to a native copy of it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal sealed class SECURITY_ATTRIBUTES
{
    public int nLength = Marshal.SizeOf<SECURITY_ATTRIBUTES>();
    public IntPtr lpSecurityDescriptor = IntPtr.Zero;
    public bool bInheritHandle;
}

internal static class NativeMethods
{
    public const int DUPLICATE_SAME_ACCESS = 2;

    [DllImport("kernel32.dll", CharSet = CharSet.Auto, SetLastError = true)]
    public static extern bool CreatePipe(out SafeFileHandle hReadPipe, out SafeFileHandle hWritePipe, SECURITY_ATTRIBUTES lpPipeAttributes, int nSize);

    [DllImport("kernel32.dll", CharSet = CharSet.Ansi, SetLastError = true, BestFitMapping = false)]
    public static extern bool DuplicateHandle(
        HandleRef hSourceProcessHandle,
        SafeHandle hSourceHandle,
        HandleRef hTargetProcess,
        out SafeFileHandle targetHandle,
        int dwDesiredAccess,
        bool bInheritHandle,
        int dwOptions
    );

    [DllImport("api-ms-win-core-file-l1-1-0.dll", CharSet = CharSet.Unicode, BestFitMapping = false, SetLastError = true)]
    public static extern SafeFileHandle CreateFile(string lpFileName, int dwDesiredAccess, int dwShareMode, SECURITY_ATTRIBUTES lpSecurityAttributes, int dwCreationDisposition, int dwFlagsAndAttributes, SafeFileHandle hTemplateFile);

    // Creates nothing: a pseudo-handle.
    [DllImport("kernel32.dll", CharSet = CharSet.Ansi, SetLastError = true)]
    public static extern IntPtr GetCurrentProcess();
}
