using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

// Style: the IPC servers that make their own named pipes (for a security descriptor NamedPipeServerStream did not
// offer): SECURITY_ATTRIBUTES a struct of ints and a byte* descriptor passed by ref under CharSet.Unicode, the result a
// SafePipeHandle; and an older helper without CharSet (so CreateNamedPipeA, the name in the ANSI code page) whose
// attributes are an IntPtr and whose numbers are ints.
namespace WindowsBindings.Native.Ipc;

[StructLayout(LayoutKind.Sequential)]
public struct SECURITY_ATTRIBUTES
{
    public int nLength;
    public unsafe byte* lpSecurityDescriptor;
    public int bInheritHandle;
}

internal static class NamedPipeNative
{
    internal const uint PIPE_ACCESS_DUPLEX = 0x00000003;
    internal const uint PIPE_TYPE_BYTE = 0x00000000;

    [DllImport("kernel32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
    internal static extern SafePipeHandle CreateNamedPipe(
        string lpName,
        uint dwOpenMode,
        uint dwPipeMode,
        uint nMaxInstances,
        uint nOutBufferSize,
        uint nInBufferSize,
        uint nDefaultTimeOut,
        ref SECURITY_ATTRIBUTES lpSecurityAttributes);
}

internal static class LegacyPipeNative
{
    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern IntPtr CreateNamedPipe(string lpName, int dwOpenMode, int dwPipeMode, int nMaxInstances, int nOutBufferSize, int nInBufferSize, int nDefaultTimeOut, IntPtr lpSecurityAttributes);

    // Creates nothing.
    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern bool ConnectNamedPipe(IntPtr hNamedPipe, IntPtr lpOverlapped);
}
