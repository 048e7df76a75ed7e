using System;
using System.Runtime.InteropServices;

// Style: games, telemetry readers and screen tools sharing memory between processes: no CharSet (so
// CreateFileMappingA, the name in the ANSI code page), the attributes an IntPtr, the size as two uints, in a
// class that is neither static nor partial; OpenFileMapping under CharSet.Auto (OpenFileMappingW) with a plain bool.
namespace WindowsBindings.Native.SharedMemory;

public class SharedMemoryNative
{
    public const uint PAGE_READWRITE = 0x04;
    public const int FILE_MAP_ALL_ACCESS = 0x000F001F;

    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern IntPtr CreateFileMapping(IntPtr hFile, IntPtr lpFileMappingAttributes, uint flProtect, uint dwMaximumSizeHigh, uint dwMaximumSizeLow, string? lpName);

    [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Auto)]
    public static extern IntPtr OpenFileMapping(int dwDesiredAccess, bool bInheritHandle, string lpName);

    // Create nothing.
    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern IntPtr MapViewOfFile(IntPtr hFileMappingObject, uint dwDesiredAccess, uint dwFileOffsetHigh, uint dwFileOffsetLow, UIntPtr dwNumberOfBytesToMap);

    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern bool UnmapViewOfFile(IntPtr lpBaseAddress);
}
