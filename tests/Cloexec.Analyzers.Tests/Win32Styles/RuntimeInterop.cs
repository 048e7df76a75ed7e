// dotnet/runtime's Interop.Kernel32: [LibraryImport] with EntryPoint W names and private *Private methods behind
// friendly wrappers, a BOOL enum in the struct, out SafeFileHandle pairs, an abstract SafeHandle source.
using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace RuntimeStyle
{
    internal static partial class Interop
    {
        internal enum BOOL : int
        {
            FALSE = 0,
            TRUE = 1,
        }

        internal static partial class Libraries
        {
            internal const string Kernel32 = "kernel32.dll";
        }

        internal static partial class Kernel32
        {
            [StructLayout(LayoutKind.Sequential)]
            internal struct SECURITY_ATTRIBUTES
            {
                internal uint nLength;
                internal IntPtr lpSecurityDescriptor;
                internal BOOL bInheritHandle;
            }

            // expect: direct
            [LibraryImport(Libraries.Kernel32, EntryPoint = "CreateFileW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            private static unsafe partial SafeFileHandle CreateFilePrivate(string lpFileName, int dwDesiredAccess, FileShare dwShareMode,
                SECURITY_ATTRIBUTES* lpSecurityAttributes, FileMode dwCreationDisposition, int dwFlagsAndAttributes, IntPtr hTemplateFile);

            internal static unsafe SafeFileHandle CreateFile(string path, int access, FileShare share, FileMode mode, int flags) =>
                CreateFilePrivate(path, access, share, null, mode, flags, IntPtr.Zero);

            // expect: wraps
            [LibraryImport(Libraries.Kernel32, SetLastError = true)]
            [return: MarshalAs(UnmanagedType.Bool)]
            internal static partial bool CreatePipe(out SafeFileHandle hReadPipe, out SafeFileHandle hWritePipe, ref SECURITY_ATTRIBUTES lpPipeAttributes, int nSize);

            // expect: wraps
            [LibraryImport(Libraries.Kernel32, SetLastError = true)]
            [return: MarshalAs(UnmanagedType.Bool)]
            internal static partial bool DuplicateHandle(IntPtr hSourceProcessHandle, SafeHandle hSourceHandle, IntPtr hTargetProcess,
                out SafeFileHandle targetHandle, int dwDesiredAccess, [MarshalAs(UnmanagedType.Bool)] bool bInheritHandle, int dwOptions);

            // expect: direct
            [LibraryImport(Libraries.Kernel32, SetLastError = true)]
            internal static partial SafeProcessHandle OpenProcess(int access, [MarshalAs(UnmanagedType.Bool)] bool inherit, int processId);

            // expect: direct
            [LibraryImport(Libraries.Kernel32, EntryPoint = "CreateNamedPipeW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial SafePipeHandle CreateNamedPipe(string pipeName, int openMode, int pipeMode, int maxInstances, int outBufferSize,
                int inBufferSize, int defaultTimeout, ref SECURITY_ATTRIBUTES securityAttributes);

            // expect: direct
            [LibraryImport(Libraries.Kernel32, EntryPoint = "CreateFileMappingW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial SafeMemoryMappedFileHandle CreateFileMapping(SafeFileHandle hFile, ref SECURITY_ATTRIBUTES lpFileMappingAttributes,
                int flProtect, int dwMaximumSizeHigh, int dwMaximumSizeLow, string? lpName);
        }
    }
}
