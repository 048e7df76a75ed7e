// .NET Framework reference source's NativeMethods: a layout class SECURITY_ATTRIBUTES holding a SafeHandle, CharSet.Auto
// with BestFitMapping = false, HandleRef and abstract SafeHandle sources, overloads by the target's SafeHandle type.
using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ReferenceSource
{
    internal static class ExternDll
    {
        public const string Kernel32 = "kernel32.dll";
    }

    internal sealed class SafeLocalMemHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        internal SafeLocalMemHandle() : base(true) { }

        internal SafeLocalMemHandle(IntPtr existingHandle, bool ownsHandle) : base(ownsHandle) => SetHandle(existingHandle);

        protected override bool ReleaseHandle() => true;
    }

    internal static class NativeMethods
    {
        [StructLayout(LayoutKind.Sequential)]
        internal class SECURITY_ATTRIBUTES
        {
            public int nLength = 12;
            public SafeLocalMemHandle lpSecurityDescriptor = new SafeLocalMemHandle(IntPtr.Zero, false);
            public bool bInheritHandle = false;
        }

        // expect: wraps
        [DllImport(ExternDll.Kernel32, CharSet = System.Runtime.InteropServices.CharSet.Auto, SetLastError = true, BestFitMapping = false)]
        public static extern SafeFileHandle CreateFile(string lpFileName, int dwDesiredAccess, int dwShareMode, SECURITY_ATTRIBUTES lpSecurityAttributes,
            int dwCreationDisposition, int dwFlagsAndAttributes, SafeFileHandle hTemplateFile);

        // expect: wraps
        [DllImport(ExternDll.Kernel32, CharSet = System.Runtime.InteropServices.CharSet.Auto, SetLastError = true)]
        public static extern bool CreatePipe(out SafeFileHandle hReadPipe, out SafeFileHandle hWritePipe, SECURITY_ATTRIBUTES lpPipeAttributes, int nSize);

        // expect: wraps
        [DllImport(ExternDll.Kernel32, CharSet = System.Runtime.InteropServices.CharSet.Ansi, SetLastError = true, BestFitMapping = false)]
        public static extern bool DuplicateHandle(HandleRef hSourceProcessHandle, SafeHandle hSourceHandle, HandleRef hTargetProcess,
            out SafeFileHandle targetHandle, int dwDesiredAccess, bool bInheritHandle, int dwOptions);

        // expect: wraps
        [DllImport(ExternDll.Kernel32, CharSet = System.Runtime.InteropServices.CharSet.Ansi, SetLastError = true, BestFitMapping = false)]
        public static extern bool DuplicateHandle(HandleRef hSourceProcessHandle, SafeHandle hSourceHandle, HandleRef hTargetProcess,
            out SafeWaitHandle targetHandle, int dwDesiredAccess, bool bInheritHandle, int dwOptions);

        // expect: direct
        [DllImport(ExternDll.Kernel32, CharSet = System.Runtime.InteropServices.CharSet.Auto, SetLastError = true)]
        public static extern SafeProcessHandle OpenProcess(int access, bool inherit, int processId);

        // expect: wraps
        [DllImport(ExternDll.Kernel32, CharSet = System.Runtime.InteropServices.CharSet.Auto, SetLastError = true, BestFitMapping = false)]
        public static extern SafeFileHandle CreateFileMapping(SafeFileHandle hFile, SECURITY_ATTRIBUTES lpFileMappingAttributes, int flProtect,
            int dwMaximumSizeHigh, int dwMaximumSizeLow, string lpName);
    }
}
