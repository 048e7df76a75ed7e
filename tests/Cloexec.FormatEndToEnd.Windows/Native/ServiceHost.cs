using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

// Style: service wrappers and runners that redirect a child's output to log files and pace work with kernel timers
// and semaphores: CharSet.Auto (the W functions) or an explicit W entry point, attributes as IntPtr, the template
// file a HandleRef, plain bools.
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

    // The pacing loop's timer, by its explicit entry point.
    public const uint CREATE_WAITABLE_TIMER_MANUAL_RESET = 0x00000001;
    public const uint TIMER_ALL_ACCESS = 0x001F0003;

    [DllImport("kernel32.dll", EntryPoint = "CreateWaitableTimerExW", CharSet = CharSet.Unicode, SetLastError = true)]
    public static extern IntPtr CreateWaitableTimerEx(IntPtr lpTimerAttributes, string? lpTimerName, uint dwFlags, uint dwDesiredAccess);

    [DllImport("kernel32.dll", CharSet = CharSet.Auto, SetLastError = true)]
    public static extern IntPtr CreateSemaphore(IntPtr lpSemaphoreAttributes, int lInitialCount, int lMaximumCount, string? lpName);
}
