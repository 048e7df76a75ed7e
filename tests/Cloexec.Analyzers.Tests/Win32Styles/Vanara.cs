// Vanara's style: a layout class SECURITY_ATTRIBUTES (null allowed), [In, Optional], a library constant of another
// class, SafeHandle results, [MarshalAs(Bool)] arguments.
using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace VanaraStyle
{
    public static class Lib
    {
        public const string Kernel32 = "kernel32.dll";
    }

    [StructLayout(LayoutKind.Sequential)]
    public class SECURITY_ATTRIBUTES
    {
        public int nLength = Marshal.SizeOf(typeof(SECURITY_ATTRIBUTES));
        public IntPtr lpSecurityDescriptor;
        [MarshalAs(UnmanagedType.Bool)]
        public bool bInheritHandle;
    }

    public class SafeHFILE : SafeHandleZeroOrMinusOneIsInvalid
    {
        public SafeHFILE() : base(true) { }

        protected override bool ReleaseHandle() => true;
    }

    public class SafeEventHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public SafeEventHandle() : base(true) { }

        protected override bool ReleaseHandle() => true;
    }

    public static partial class Kernel32
    {
        /// <summary>Creates or opens a file.</summary>
        // expect: wraps
        [DllImport(Lib.Kernel32, SetLastError = true, CharSet = CharSet.Auto)]
        public static extern SafeHFILE CreateFile(string lpFileName, FileAccess dwDesiredAccess, FileShare dwShareMode,
            [In, Optional] SECURITY_ATTRIBUTES? lpSecurityAttributes, FileMode dwCreationDisposition, uint dwFlagsAndAttributes,
            [In, Optional] IntPtr hTemplateFile);

        // expect: wraps
        [DllImport(Lib.Kernel32, SetLastError = true, ExactSpelling = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        public static extern bool CreatePipe(out SafeHFILE hReadPipe, out SafeHFILE hWritePipe, [In, Optional] SECURITY_ATTRIBUTES? lpPipeAttributes, [Optional] uint nSize);

        // expect: direct
        [DllImport(Lib.Kernel32, SetLastError = true, ExactSpelling = true)]
        public static extern SafeHFILE OpenProcess(uint dwDesiredAccess, [MarshalAs(UnmanagedType.Bool)] bool bInheritHandle, uint dwProcessId);

        // expect: wraps
        [DllImport(Lib.Kernel32, SetLastError = true, CharSet = CharSet.Auto)]
        public static extern SafeEventHandle CreateEvent([In, Optional] SECURITY_ATTRIBUTES? lpEventAttributes, [MarshalAs(UnmanagedType.Bool)] bool bManualReset,
            [MarshalAs(UnmanagedType.Bool)] bool bInitialState, [In, Optional] string? lpName);

        // expect: direct
        [DllImport(Lib.Kernel32, SetLastError = true, CharSet = CharSet.Auto)]
        public static extern SafeEventHandle OpenEvent(uint dwDesiredAccess, [MarshalAs(UnmanagedType.Bool)] bool bInheritHandle, string lpName);

        // expect: wraps
        [DllImport(Lib.Kernel32, SetLastError = true, CharSet = CharSet.Auto)]
        public static extern SafeEventHandle CreateMutex([In, Optional] SECURITY_ATTRIBUTES? lpMutexAttributes, [MarshalAs(UnmanagedType.Bool)] bool bInitialOwner, [In, Optional] string? lpName);
    }
}
