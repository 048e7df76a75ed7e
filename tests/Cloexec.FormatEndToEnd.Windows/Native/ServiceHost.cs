using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

// Style: service wrappers and runners that redirect a child's output to log files and pace work with kernel timers
// and semaphores: CharSet.Auto (the W functions), attributes as IntPtr, the template file a HandleRef, plain bools.
namespace WindowsBindings.Native.Service;

internal static class ServiceNative
{
    public const int GENERIC_WRITE = 0x40000000;
    public const int CREATE_ALWAYS = 2;
    public const int FILE_ATTRIBUTE_NORMAL = 0x80;

    [DllImport("kernel32.dll", CharSet = CharSet.Auto, SetLastError = true)]
    public static extern SafeFileHandle CreateFile(string lpFileName, int dwDesiredAccess, int dwShareMode,
        IntPtr lpSecurityAttributes, int dwCreationDisposition, int dwFlagsAndAttributes, HandleRef hTemplateFile);

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    public static extern IntPtr CreateWaitableTimer(IntPtr lpTimerAttributes, bool bManualReset, string? lpTimerName);

    [DllImport("kernel32.dll", CharSet = CharSet.Auto, SetLastError = true)]
    public static extern IntPtr CreateSemaphore(IntPtr lpSemaphoreAttributes, int lInitialCount, int lMaximumCount, string? lpName);
}
