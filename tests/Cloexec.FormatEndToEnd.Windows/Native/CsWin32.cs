using System;
using System.Runtime.InteropServices;

// Style: what Microsoft.Windows.CsWin32 generates (PInvoke.CreateMutexW...), checked in: the W name as the method's
// own with ExactSpelling, DefaultDllImportSearchPaths(System32), every Win32 typedef a struct wrapping one value
// (HANDLE, BOOL, PCWSTR), SECURITY_ATTRIBUTES by pointer marked [Optional], the pipe's ends through HANDLE*.
// The code fix leaves these alone (each is marked "Left alone by the code fix"; .ci/run-format-e2e-windows counts the
// marks against the CLOEXEC0202 still reported): DefaultDllImportSearchPaths needs the Wraps form, which cannot return
// a typedef struct, and a BOOL struct bInheritHandle is one no form can set. Their calls keep their meaning: the
// argument decides. (Generated at build time, as CsWin32 normally is, they are not analyzed at all.)
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
    // Left alone by the code fix: DefaultDllImportSearchPaths and a HANDLE result.
    [DllImport("KERNEL32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern unsafe HANDLE CreateMutexW([Optional] SECURITY_ATTRIBUTES* lpMutexAttributes, BOOL bInitialOwner, PCWSTR lpName);

    // Left alone by the code fix: DefaultDllImportSearchPaths and a BOOL result.
    [DllImport("KERNEL32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern unsafe BOOL CreatePipe(HANDLE* hReadPipe, HANDLE* hWritePipe, [Optional] SECURITY_ATTRIBUTES* lpPipeAttributes, uint nSize);

    // Left alone by the code fix: a BOOL struct bInheritHandle.
    [DllImport("KERNEL32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern HANDLE OpenThread(uint dwDesiredAccess, BOOL bInheritHandle, uint dwThreadId);
}
