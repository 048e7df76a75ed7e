using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Cloexec.Interop;

/// <summary>
/// Room for the wrapper-owned copy of openat2's <c>struct open_how</c> (linux/openat2.h: u64 flags, mode, resolve; 24
/// bytes in its first version). The kernel reads as many bytes as the call's size argument says and accepts larger,
/// zero-extended versions: 64 bytes leave room for fields not yet defined.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential, Size = 64)]
public struct OpenHowStorage
{
}
