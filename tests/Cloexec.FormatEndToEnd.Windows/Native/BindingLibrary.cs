using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

// Style: a wide binding library in the manner of Vanara.PInvoke.Kernel32 (tab-indented, constants in a Lib class):
// SECURITY_ATTRIBUTES a class whose bInheritHandle is a [MarshalAs(Bool)] bool, passed [In] (and [Optional]), handles
// as IntPtr out arguments or results, a SafeHandle subclass of its own, CharSet.Auto (the W functions) or ExactSpelling.
namespace WindowsBindings.Native.Bindings;

internal static class Lib
{
	public const string Kernel32 = "kernel32.dll";
}

/// <summary>Values of CreateNamedPipe's dwPipeMode.</summary>
[Flags]
public enum PIPE_TYPE : uint
{
	PIPE_TYPE_BYTE = 0x00000000,
	PIPE_TYPE_MESSAGE = 0x00000004,
	PIPE_READMODE_MESSAGE = 0x00000002,
}

/// <summary>The SECURITY_ATTRIBUTES structure as a class.</summary>
[StructLayout(LayoutKind.Sequential)]
public class SECURITY_ATTRIBUTES
{
	public int nLength = Marshal.SizeOf(typeof(SECURITY_ATTRIBUTES));
	public IntPtr lpSecurityDescriptor;
	[MarshalAs(UnmanagedType.Bool)]
	public bool bInheritHandle;
}

/// <summary>An event handle that closes itself.</summary>
public sealed class SafeEventHandle : SafeHandleZeroOrMinusOneIsInvalid
{
	public SafeEventHandle() : base(true) { }

	protected override bool ReleaseHandle() => Kernel32.CloseHandle(handle);
}

public static partial class Kernel32
{
	/// <summary>Creates an anonymous pipe, and returns handles to the read and write ends of the pipe.</summary>
	[DllImport(Lib.Kernel32, SetLastError = true, ExactSpelling = true)]
	[return: MarshalAs(UnmanagedType.Bool)]
	public static extern bool CreatePipe(out IntPtr hReadPipe, out IntPtr hWritePipe, [In] SECURITY_ATTRIBUTES? lpPipeAttributes, uint nSize);

	/// <summary>Creates an instance of a named pipe.</summary>
	[DllImport(Lib.Kernel32, SetLastError = true, CharSet = CharSet.Auto)]
	public static extern IntPtr CreateNamedPipe([In] string lpName, uint dwOpenMode, PIPE_TYPE dwPipeMode, uint nMaxInstances, uint nOutBufferSize, uint nInBufferSize,
		uint nDefaultTimeOut, [In] SECURITY_ATTRIBUTES? lpSecurityAttributes);

	/// <summary>Creates or opens a named or unnamed event object.</summary>
	[DllImport(Lib.Kernel32, SetLastError = true, CharSet = CharSet.Auto)]
	public static extern SafeEventHandle CreateEvent([In, Optional] SECURITY_ATTRIBUTES? lpEventAttributes, [MarshalAs(UnmanagedType.Bool)] bool bManualReset,
		[MarshalAs(UnmanagedType.Bool)] bool bInitialState, [In, Optional] string? lpName);

	/// <summary>Closes an open object handle.</summary>
	[DllImport(Lib.Kernel32, SetLastError = true, ExactSpelling = true)]
	[return: MarshalAs(UnmanagedType.Bool)]
	public static extern bool CloseHandle(IntPtr hObject);
}
