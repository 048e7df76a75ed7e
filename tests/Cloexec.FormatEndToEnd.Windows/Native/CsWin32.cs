using System;
using System.Runtime.InteropServices;

// Style: what Microsoft.Windows.CsWin32 generates (PInvoke.CreateMutexW...): the W name as the method's own with
// ExactSpelling, DefaultDllImportSearchPaths(System32), every Win32 typedef a struct wrapping one value (HANDLE, BOOL,
// PCWSTR), SECURITY_ATTRIBUTES by pointer marked [Optional], the pipe's ends through HANDLE*.
namespace WindowsBindings.Native.Generated;

internal readonly partial struct HANDLE : IEquatable<HANDLE>
{
    internal readonly IntPtr Value;

    internal HANDLE(IntPtr value) => this.Value = value;

    internal bool IsNull => this.Value == IntPtr.Zero;

    public static implicit operator IntPtr(HANDLE value) => value.Value;

    public bool Equals(HANDLE other) => this.Value == other.Value;

    public override bool Equals(object? obj) => obj is HANDLE other && this.Equals(other);

    public override int GetHashCode() => this.Value.GetHashCode();

    public static bool operator ==(HANDLE left, HANDLE right) => left.Equals(right);

    public static bool operator !=(HANDLE left, HANDLE right) => !left.Equals(right);
}

internal readonly partial struct BOOL : IEquatable<BOOL>
{
    private readonly int value;

    internal BOOL(bool value) => this.value = value ? 1 : 0;

    public static implicit operator bool(BOOL value) => value.value != 0;

    public static implicit operator BOOL(bool value) => new(value);

    public bool Equals(BOOL other) => this.value == other.value;

    public override bool Equals(object? obj) => obj is BOOL other && this.Equals(other);

    public override int GetHashCode() => this.value;

    public static bool operator ==(BOOL left, BOOL right) => left.Equals(right);

    public static bool operator !=(BOOL left, BOOL right) => !left.Equals(right);
}

internal readonly unsafe partial struct PCWSTR
{
    internal readonly char* Value;

    internal PCWSTR(char* value) => this.Value = value;
}

internal partial struct SECURITY_ATTRIBUTES
{
    internal uint nLength;
    internal unsafe void* lpSecurityDescriptor;
    internal BOOL bInheritHandle;
}

internal static partial class PInvoke
{
    [DllImport("KERNEL32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern unsafe HANDLE CreateMutexW([Optional] SECURITY_ATTRIBUTES* lpMutexAttributes, BOOL bInitialOwner, PCWSTR lpName);

    [DllImport("KERNEL32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern unsafe BOOL CreatePipe(HANDLE* hReadPipe, HANDLE* hWritePipe, [Optional] SECURITY_ATTRIBUTES* lpPipeAttributes, uint nSize);

    [DllImport("KERNEL32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern HANDLE OpenThread(uint dwDesiredAccess, BOOL bInheritHandle, uint dwThreadId);
}
