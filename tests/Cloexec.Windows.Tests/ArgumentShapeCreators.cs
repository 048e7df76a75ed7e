using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Cloexec.Windows.Tests;

/// <summary>SECURITY_ATTRIBUTES as a class, the way many bindings declare it: null allowed, bInheritHandle a bool (a BOOL natively).</summary>
[StructLayout(LayoutKind.Sequential)]
internal sealed class SecurityAttributesClass
{
    public int nLength = Marshal.SizeOf<SecurityAttributesClass>();
    public nint lpSecurityDescriptor;
    public bool bInheritHandle;
}

/// <summary>SECURITY_ATTRIBUTES as a struct whose bInheritHandle is a bool marshalled as a BOOL: not blittable.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SecurityAttributesWithBool
{
    public int nLength;
    public nint lpSecurityDescriptor;
    [MarshalAs(UnmanagedType.Bool)]
    public bool bInheritHandle;
}

/// <summary>A class that is not of the Win32 layout: the wrapper must refuse to copy it, naming it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal sealed class TruncatedSecurityAttributes
{
    public int nLength;
    public int bInheritHandle;
}

/// <summary>
/// Raw [DllImport] declarations in the shapes real bindings use for the creators whose inheritance is an argument, each
/// with the Wraps method the code fix writes over it (same name and signature, plus <c>cloexec</c>).
/// </summary>
internal static unsafe partial class ArgumentShapeCreators
{
    [DllImport("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
    private static extern bool RawPipeWithClass(out SafeFileHandle read, out SafeFileHandle write, SecurityAttributesClass? attributes, int size);

    [CreatesDescriptor(Wraps = nameof(RawPipeWithClass))]
    internal static partial bool PipeWithClass(out SafeFileHandle read, out SafeFileHandle write, SecurityAttributesClass? attributes, int size, bool? cloexec = null);

    [DllImport("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
    private static extern bool RawPipeWithRef(out IntPtr read, out IntPtr write, ref SECURITY_ATTRIBUTES attributes, uint size);

    [CreatesDescriptor(Wraps = nameof(RawPipeWithRef))]
    internal static partial bool PipeWithRef(out IntPtr read, out IntPtr write, ref SECURITY_ATTRIBUTES attributes, uint size, bool? cloexec = null);

    [DllImport("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool RawPipeWithIn(out SafeFileHandle read, out SafeFileHandle write, in SECURITY_ATTRIBUTES attributes, uint size);

    [CreatesDescriptor(Wraps = nameof(RawPipeWithIn))]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool PipeWithIn(out SafeFileHandle read, out SafeFileHandle write, in SECURITY_ATTRIBUTES attributes, uint size, bool? cloexec = null);

    [DllImport("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
    private static extern int RawPipeWithInRefBoolStruct(out IntPtr read, out IntPtr write, [In] ref SecurityAttributesWithBool attributes, uint size);

    [CreatesDescriptor(Wraps = nameof(RawPipeWithInRefBoolStruct))]
    internal static partial int PipeWithInRefBoolStruct(out IntPtr read, out IntPtr write, [In] ref SecurityAttributesWithBool attributes, uint size, bool? cloexec = null);

    // By value: x64 passes a struct of this size as the address of a copy, which is what CreatePipe reads.
    [DllImport("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
    private static extern bool RawPipeWithStructByValue(out IntPtr read, out IntPtr write, SECURITY_ATTRIBUTES attributes, uint size);

    [CreatesDescriptor(Wraps = nameof(RawPipeWithStructByValue))]
    internal static partial bool PipeWithStructByValue(out IntPtr read, out IntPtr write, SECURITY_ATTRIBUTES attributes, uint size, bool? cloexec = null);

    [DllImport("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
    private static extern bool RawPipeWithTruncated(out IntPtr read, out IntPtr write, TruncatedSecurityAttributes? attributes, uint size);

    [CreatesDescriptor(Wraps = nameof(RawPipeWithTruncated))]
    internal static partial bool PipeWithTruncated(out IntPtr read, out IntPtr write, TruncatedSecurityAttributes? attributes, uint size, bool? cloexec = null);

    [DllImport("kernel32", EntryPoint = "CreateEventW", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern SafeWaitHandle RawEventWithClass(SecurityAttributesClass? attributes, bool manualReset, bool initialState, string? name);

    [CreatesDescriptor(Wraps = nameof(RawEventWithClass))]
    internal static partial SafeWaitHandle EventWithClass(SecurityAttributesClass? attributes, bool manualReset, bool initialState, string? name, bool? cloexec = null);

    [DllImport("kernel32", EntryPoint = "CreateFileW", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern SafeFileHandle RawFileWithClass(string name, uint access, uint share, [In, Out] SecurityAttributesClass? attributes, uint disposition, uint flags, IntPtr template);

    [CreatesDescriptor(Wraps = nameof(RawFileWithClass))]
    internal static partial SafeFileHandle FileWithClass(string name, uint access, uint share, SecurityAttributesClass? attributes, uint disposition, uint flags, IntPtr template, bool? cloexec = null);

    [DllImport("kernel32", EntryPoint = "DuplicateHandle", SetLastError = true)]
    private static extern bool RawDuplicateToSafeHandle(HandleRef sourceProcess, SafeHandle source, HandleRef targetProcess, out SafeFileHandle target, uint access, bool inherit, uint options);

    [CreatesDescriptor(Wraps = nameof(RawDuplicateToSafeHandle))]
    internal static partial bool DuplicateToSafeHandle(HandleRef sourceProcess, SafeHandle source, HandleRef targetProcess, out SafeFileHandle target, uint access, bool inherit, uint options, bool? cloexec = null);

    [DllImport("kernel32", EntryPoint = "DuplicateHandle", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool RawDuplicateToWaitHandle(IntPtr sourceProcess, IntPtr source, IntPtr targetProcess, out SafeWaitHandle target, int access, [MarshalAs(UnmanagedType.Bool)] bool inherit, int options);

    [CreatesDescriptor(Wraps = nameof(RawDuplicateToWaitHandle))]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool DuplicateToWaitHandle(IntPtr sourceProcess, IntPtr source, IntPtr targetProcess, out SafeWaitHandle target, int access, [MarshalAs(UnmanagedType.Bool)] bool inherit, int options, bool? cloexec = null);

    [DllImport("kernel32", EntryPoint = "OpenProcess", SetLastError = true)]
    private static extern SafeProcessHandle RawOpenProcessWithBool(int access, bool inherit, int processId);

    [CreatesDescriptor(Wraps = nameof(RawOpenProcessWithBool))]
    internal static partial SafeProcessHandle OpenProcessWithBool(int access, bool inherit, int processId, bool? cloexec = null);
}
