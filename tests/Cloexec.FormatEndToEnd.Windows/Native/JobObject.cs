using System;
using System.Runtime.InteropServices;

// Style: launchers that put their children in a job object killed with it: the explicit W entry point under
// CharSet.Unicode, the attributes a struct passed BY VALUE (which the x64 calling convention passes as a pointer to a
// copy, so it works there), declared inside the class that owns the job, its helpers without an access modifier.
namespace WindowsBindings.Native.Jobs;

[StructLayout(LayoutKind.Sequential)]
public struct SecurityAttributes
{
    public int nLength;
    public IntPtr lpSecurityDescriptor;
    public int bInheritHandle;
}

public sealed class Job : IDisposable
{
    private IntPtr _handle;

    public Job(SecurityAttributes attributes)
    {
        _handle = CreateJobObject(attributes, null);
    }

    public IntPtr Handle => _handle;

    [DllImport("kernel32.dll", EntryPoint = "CreateJobObjectW", CharSet = CharSet.Unicode)]
    internal static extern IntPtr CreateJobObject(SecurityAttributes JobAttributes, string? lpName);

    [DllImport("kernel32.dll")]
    [return: MarshalAs(UnmanagedType.Bool)]
    static extern bool CloseHandle(IntPtr hObject);

    public void Dispose()
    {
        if (_handle != IntPtr.Zero)
        {
            CloseHandle(_handle);
            _handle = IntPtr.Zero;
        }
    }
}
