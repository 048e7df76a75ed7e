using System;
using System.Runtime.InteropServices;

// Style: debuggers, memory scanners and process monitors written from pinvoke.net's signatures: no CharSet, a flags
// enum for the access, bInheritHandle a plain bool or [MarshalAs(Bool)], DuplicateHandle on raw IntPtrs with an
// IntPtr out argument, and CreateFileA by its exact name for an ANSI path.
namespace WindowsBindings.Native.Diagnostics;

[Flags]
public enum ProcessAccessFlags : uint
{
    QueryLimitedInformation = 0x00001000,
    Synchronize = 0x00100000,
}

public static class NativeMethods
{
    public const uint THREAD_QUERY_LIMITED_INFORMATION = 0x0800;
    public const uint DUPLICATE_SAME_ACCESS = 0x00000002;

    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern IntPtr OpenProcess(ProcessAccessFlags processAccess, bool bInheritHandle, int processId);

    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern IntPtr OpenThread(uint dwDesiredAccess, bool bInheritHandle, uint dwThreadId);

    [DllImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static extern bool DuplicateHandle(IntPtr hSourceProcessHandle, IntPtr hSourceHandle, IntPtr hTargetProcessHandle,
        out IntPtr lpTargetHandle, uint dwDesiredAccess, [MarshalAs(UnmanagedType.Bool)] bool bInheritHandle, uint dwOptions);

    [DllImport("kernel32", CharSet = CharSet.Ansi, ExactSpelling = true, SetLastError = true)]
    public static extern IntPtr CreateFileA(string lpFileName, uint dwDesiredAccess, uint dwShareMode, IntPtr lpSecurityAttributes,
        uint dwCreationDisposition, uint dwFlagsAndAttributes, IntPtr hTemplateFile);

    // Creates nothing: a pseudo-handle.
    [DllImport("kernel32.dll")]
    public static extern IntPtr GetCurrentProcess();
}
