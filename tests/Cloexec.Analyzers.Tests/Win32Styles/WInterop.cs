// WInterop's style: [LibraryImport] with Utf16 and W names, pointers to the structs, CreateFile2's extended parameters.
using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace WInteropStyle
{
    internal static class Libraries
    {
        internal const string Kernel32 = "kernel32.dll";
    }

    public unsafe struct SECURITY_ATTRIBUTES
    {
        public uint nLength;
        public void* lpSecurityDescriptor;
        public int bInheritHandle;
    }

    public unsafe struct CREATEFILE2_EXTENDED_PARAMETERS
    {
        public uint dwSize;
        public uint dwFileAttributes;
        public uint dwFileFlags;
        public uint dwSecurityQosFlags;
        public SECURITY_ATTRIBUTES* lpSecurityAttributes;
        public IntPtr hTemplateFile;
    }

    public static partial class Imports
    {
        // expect: direct
        [LibraryImport(Libraries.Kernel32, SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
        public static unsafe partial SafeFileHandle CreateFile2(string lpFileName, uint dwDesiredAccess, FileShare dwShareMode, FileMode dwCreationDisposition,
            CREATEFILE2_EXTENDED_PARAMETERS* pCreateExParams);

        // expect: direct
        [DllImport(Libraries.Kernel32, CharSet = CharSet.Unicode, ExactSpelling = true, SetLastError = true)]
        public static extern unsafe SafeFileHandle CreateNamedPipeW(string lpName, uint dwOpenMode, uint dwPipeMode, uint nMaxInstances,
            uint nOutBufferSize, uint nInBufferSize, uint nDefaultTimeOut, SECURITY_ATTRIBUTES* lpSecurityAttributes);

        // expect: direct
        [LibraryImport(Libraries.Kernel32, SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
        public static unsafe partial IntPtr CreateMutexExW(SECURITY_ATTRIBUTES* lpMutexAttributes, string? lpName, uint dwFlags, uint dwDesiredAccess);

        // expect: direct
        [LibraryImport(Libraries.Kernel32, SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
        public static unsafe partial IntPtr CreateSemaphoreExW(SECURITY_ATTRIBUTES* lpSemaphoreAttributes, int lInitialCount, int lMaximumCount, string? lpName,
            uint dwFlags, uint dwDesiredAccess);

        // expect: direct
        [LibraryImport(Libraries.Kernel32, SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
        public static partial IntPtr OpenSemaphoreW(uint dwDesiredAccess, [MarshalAs(UnmanagedType.Bool)] bool bInheritHandle, string lpName);

        // expect: direct
        [LibraryImport(Libraries.Kernel32, SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
        public static unsafe partial IntPtr CreateWaitableTimerExW(SECURITY_ATTRIBUTES* lpTimerAttributes, string? lpTimerName, uint dwFlags, uint dwDesiredAccess);

        // expect: direct
        [LibraryImport(Libraries.Kernel32, SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
        public static unsafe partial IntPtr CreateEventExW(SECURITY_ATTRIBUTES* lpEventAttributes, string? lpName, uint dwFlags, uint dwDesiredAccess);

        // expect: direct
        [LibraryImport(Libraries.Kernel32, SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
        public static partial IntPtr OpenFileMappingW(uint dwDesiredAccess, [MarshalAs(UnmanagedType.Bool)] bool bInheritHandle, string lpName);
    }
}
