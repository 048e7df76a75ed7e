using System.Runtime.InteropServices;

namespace WindowsBindings.Native;

/// <summary>kernel32 functions with which a child proves it reached an object, and the parent sees it did; none creates a handle.</summary>
internal static unsafe partial class Kernel32
{
    internal const uint WAIT_OBJECT_0 = 0, WAIT_ABANDONED = 0x80;
    internal const uint FILE_MAP_WRITE = 0x0002;
    internal const int JobObjectBasicAccountingInformation = 1;

    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern uint WaitForSingleObject(nint handle, uint milliseconds);

    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern int SetEvent(nint handle);

    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern int ReleaseSemaphore(nint handle, int count, nint previous);

    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern int SetWaitableTimer(nint timer, long* dueTime, int period, nint routine, nint argument, int resume);

    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern int AssignProcessToJobObject(nint job, nint process);

    // JOBOBJECT_BASIC_ACCOUNTING_INFORMATION is 48 bytes: four LARGE_INTEGER times, then TotalPageFaultCount,
    // TotalProcesses, ActiveProcesses, TotalTerminatedProcesses.
    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern int QueryInformationJobObject(nint job, int informationClass, byte* information, int length, nint returned);

    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern uint GetProcessId(nint process);

    [DllImport("kernel32.dll", SetLastError = true)]
    public static extern uint GetThreadId(nint thread);

    [DllImport("kernel32.dll")]
    public static extern uint GetCurrentThreadId();

    [DllImport("kernel32.dll")]
    public static extern nint GetCurrentProcess();
}
