using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

// Style: desktop applications and games that keep to one instance with a named mutex and wake the first instance
// through a named event: CharSet.Auto or Unicode (the W functions), the attributes an IntPtr, every BOOL a plain bool
// (which [DllImport] passes as a 4-byte BOOL), handles as IntPtr or SafeWaitHandle.
namespace WindowsBindings.Native.Desktop;

internal static class SingleInstanceNative
{
    public const uint SYNCHRONIZE = 0x00100000;
    public const uint EVENT_MODIFY_STATE = 0x0002;
    public const uint MUTEX_ALL_ACCESS = 0x001F0001;

    [DllImport("kernel32.dll", CharSet = CharSet.Auto, SetLastError = true)]
    public static extern IntPtr CreateMutex(IntPtr lpMutexAttributes, bool bInitialOwner, string lpName);

    [DllImport("kernel32.dll", CharSet = CharSet.Auto, SetLastError = true)]
    public static extern IntPtr OpenMutex(uint dwDesiredAccess, bool bInheritHandle, string lpName);

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    public static extern SafeWaitHandle CreateEvent(IntPtr lpEventAttributes, bool bManualReset, bool bInitialState, string? lpName);

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    public static extern IntPtr OpenEvent(uint dwDesiredAccess, bool bInheritHandle, string lpName);

    // Creates nothing.
    [DllImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static extern bool ReleaseMutex(IntPtr hMutex);
}

/// <summary>The same in older applications, pasted without CharSet.</summary>
internal static class LegacySingleInstanceNative
{
    // Without CharSet this binds CreateMutexA, the ANSI twin: converted with CharSet = CharSet.Ansi.
    [DllImport("kernel32.dll")]
    public static extern IntPtr CreateMutex(IntPtr lpMutexAttributes, bool bInitialOwner, string lpName);
}
