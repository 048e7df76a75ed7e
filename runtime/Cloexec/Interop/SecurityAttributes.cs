using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Cloexec.Interop;

/// <summary>
/// Win32 <c>SECURITY_ATTRIBUTES</c> (Windows SDK um/minwinbase.h): the wrapper-owned copy that carries the
/// inheritance choice into CreateFileW and CreatePipe.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public struct SecurityAttributes
{
    /// <summary><c>nLength</c>: the struct's size in bytes.</summary>
    public int Length;

    /// <summary><c>lpSecurityDescriptor</c>.</summary>
    public nint SecurityDescriptor;

    /// <summary><c>bInheritHandle</c>: a BOOL, nonzero for an inheritable handle.</summary>
    public int InheritHandle;
}
