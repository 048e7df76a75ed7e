// PInvoke.Kernel32's style: the library as nameof(Kernel32), SafeHandle subclasses in and out, SECURITY_ATTRIBUTES*,
// enums for access and options, [return: MarshalAs(Bool)] results.
using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace PInvokeStyle
{
    public class SafeObjectHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public SafeObjectHandle() : base(true) { }

        protected override bool ReleaseHandle() => true;
    }

    [Flags]
    public enum ACCESS_MASK : uint { GenericRead = 0x80000000, Synchronize = 0x00100000 }

    public enum CreationDisposition : uint { OpenExisting = 3 }

    [Flags]
    public enum CreateFileFlags : uint { None = 0 }

    [Flags]
    public enum DuplicateHandleOptions : uint { DUPLICATE_SAME_ACCESS = 2 }

    public unsafe struct SECURITY_ATTRIBUTES
    {
        public int nLength;
        public void* lpSecurityDescriptor;
        public int bInheritHandle;
    }

    public static partial class Kernel32
    {
        // expect: direct
        [DllImport(nameof(Kernel32), SetLastError = true, CharSet = CharSet.Unicode)]
        public static extern unsafe SafeObjectHandle CreateFile(string filename, ACCESS_MASK access, FileShare share, SECURITY_ATTRIBUTES* securityAttributes,
            CreationDisposition creationDisposition, CreateFileFlags flagsAndAttributes, SafeObjectHandle templateFile);

        // expect: wraps
        [DllImport(nameof(Kernel32), SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        public static extern unsafe bool CreatePipe(out SafeObjectHandle hReadPipe, out SafeObjectHandle hWritePipe, SECURITY_ATTRIBUTES* lpPipeAttributes, int nSize);

        // expect: wraps
        [DllImport(nameof(Kernel32), SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        public static extern bool DuplicateHandle(SafeObjectHandle hSourceProcessHandle, SafeObjectHandle hSourceHandle, SafeObjectHandle hTargetProcessHandle,
            out SafeObjectHandle lpTargetHandle, ACCESS_MASK dwDesiredAccess, bool bInheritHandle, DuplicateHandleOptions dwOptions);

        // expect: direct
        [DllImport(nameof(Kernel32), SetLastError = true)]
        public static extern SafeObjectHandle OpenProcess(ACCESS_MASK dwDesiredAccess, bool bInheritHandle, int dwProcessId);

        // expect: direct
        [DllImport(nameof(Kernel32), SetLastError = true, CharSet = CharSet.Unicode)]
        public static extern unsafe SafeObjectHandle CreateJobObject(SECURITY_ATTRIBUTES* lpJobAttributes, string lpName);

        // expect: direct
        [DllImport(nameof(Kernel32), SetLastError = true, CharSet = CharSet.Unicode)]
        public static extern unsafe SafeObjectHandle CreateSemaphore(SECURITY_ATTRIBUTES* lpSemaphoreAttributes, int lInitialCount, int lMaximumCount, string lpName);
    }
}
