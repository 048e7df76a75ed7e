using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Cloexec.Interop;

/// <summary>
/// Win32 <c>CREATEFILE2_EXTENDED_PARAMETERS</c> (Windows SDK um/fileapi.h): the wrapper-owned copy through which
/// CreateFile2 gets its <c>SECURITY_ATTRIBUTES</c>, itself a wrapper-owned copy carrying the inheritance choice.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public struct CreateFile2Parameters
{
    /// <summary><c>dwSize</c>: the struct's size in bytes.</summary>
    public uint Size;

    /// <summary><c>dwFileAttributes</c>.</summary>
    public uint FileAttributes;

    /// <summary><c>dwFileFlags</c>.</summary>
    public uint FileFlags;

    /// <summary><c>dwSecurityQosFlags</c>.</summary>
    public uint SecurityQosFlags;

    /// <summary><c>lpSecurityAttributes</c>: a <c>SECURITY_ATTRIBUTES*</c>, may be null.</summary>
    public nint SecurityAttributes;

    /// <summary><c>hTemplateFile</c>.</summary>
    public nint TemplateFile;
}
