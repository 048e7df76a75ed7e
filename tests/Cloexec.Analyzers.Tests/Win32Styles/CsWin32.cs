// CsWin32's pointer style: typedef structs (HANDLE, BOOL, PCWSTR), pointers to SECURITY_ATTRIBUTES and to HANDLE outputs,
// ExactSpelling with W entry points.
using System;
using System.Runtime.InteropServices;

namespace CsWin32Style
{
    internal readonly partial struct HANDLE
    {
        internal readonly IntPtr Value;

        internal HANDLE(IntPtr value) => Value = value;
    }

    internal readonly partial struct BOOL
    {
        private readonly int value;
    }

    internal readonly unsafe partial struct PCWSTR
    {
        internal readonly char* Value;
    }

    internal unsafe partial struct SECURITY_ATTRIBUTES
    {
        internal uint nLength;
        internal void* lpSecurityDescriptor;
        internal BOOL bInheritHandle;
    }

    [Flags]
    internal enum FILE_SHARE_MODE : uint { FILE_SHARE_READ = 1 }

    internal static partial class PInvoke
    {
        // expect: direct
        [DllImport("KERNEL32.dll", ExactSpelling = true, EntryPoint = "CreateFileW", SetLastError = true)]
        internal static extern unsafe HANDLE CreateFile(PCWSTR lpFileName, uint dwDesiredAccess, FILE_SHARE_MODE dwShareMode,
            [Optional] SECURITY_ATTRIBUTES* lpSecurityAttributes, uint dwCreationDisposition, uint dwFlagsAndAttributes, HANDLE hTemplateFile);

        // expect: direct
        [DllImport("KERNEL32.dll", ExactSpelling = true, SetLastError = true)]
        internal static extern unsafe BOOL CreatePipe(HANDLE* hReadPipe, HANDLE* hWritePipe, [Optional] SECURITY_ATTRIBUTES* lpPipeAttributes, uint nSize);

        // expect: direct
        [DllImport("KERNEL32.dll", ExactSpelling = true, EntryPoint = "CreateEventW", SetLastError = true)]
        internal static extern unsafe HANDLE CreateEvent([Optional] SECURITY_ATTRIBUTES* lpEventAttributes, BOOL bManualReset, BOOL bInitialState, PCWSTR lpName);

        // The generated style also says where the DLL is searched: only the raw import can carry that, and the Wraps form
        // cannot return a typedef struct: left alone, the diagnostic stays.
        // expect: left
        [DllImport("KERNEL32.dll", ExactSpelling = true, EntryPoint = "CreateMutexW", SetLastError = true), DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        internal static extern unsafe HANDLE CreateMutex([Optional] SECURITY_ATTRIBUTES* lpMutexAttributes, BOOL bInitialOwner, PCWSTR lpName);

        // A BOOL struct for bInheritHandle: neither form can set it (CLOEXEC0101 either way): left alone.
        // expect: left
        [DllImport("KERNEL32.dll", ExactSpelling = true, SetLastError = true)]
        internal static extern HANDLE OpenProcess(uint dwDesiredAccess, BOOL bInheritHandle, uint dwProcessId);

        // The same BOOL in a binding that returns the handle as a native integer (which the Wraps form could return).
        // expect: left
        [DllImport("KERNEL32.dll", ExactSpelling = true, SetLastError = true)]
        internal static extern nint OpenThread(uint dwDesiredAccess, BOOL bInheritHandle, uint dwThreadId);
    }
}
