using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Cloexec.Interop;

/// <summary>
/// Copies of a SECURITY_ATTRIBUTES declared as the user's own struct or class (a raw import's parameter, by value, ref
/// or in), with bInheritHandle set: made through the native layout, so a bool field marshalled as a BOOL is read and
/// written as [DllImport] would. The caller's struct or object is never written.
/// </summary>
internal static class SecurityAttributesCopies
{
    /// <summary>What PtrToStructure needs of the type to make a new one: a class's parameterless constructor.</summary>
    internal const DynamicallyAccessedMemberTypes Constructors = DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.NonPublicConstructors;

    [return: NotNullIfNotNull(nameof(attributes))]
    internal static unsafe T? Copy<[DynamicallyAccessedMembers(Constructors)] T>(T? attributes, CloexecMode mode)
    {
        if (mode == CloexecMode.PassThrough)
        {
            return attributes;
        }

        int size = Marshal.SizeOf<T>();
        if (size != sizeof(SecurityAttributes))
        {
            throw new ArgumentException(
                $"{typeof(T).FullName} is {size} bytes as a native struct, but SECURITY_ATTRIBUTES is {sizeof(SecurityAttributes)}: "
                + "declare it with the Win32 layout (int nLength, a pointer-sized lpSecurityDescriptor, a BOOL bInheritHandle).",
                nameof(attributes));
        }

        var native = new SecurityAttributes { Length = sizeof(SecurityAttributes) };
        var address = (nint)(&native);
        if (attributes is not null)
        {
            Marshal.StructureToPtr(attributes, address, fDeleteOld: false);
        }

        native.InheritHandle = mode == CloexecMode.Set ? 0 : 1;
        try
        {
            return Marshal.PtrToStructure<T>(address)!;
        }
        finally
        {
            // Whatever StructureToPtr allocated for a field of the user's type is freed; the copy holds its own.
            if (attributes is not null)
            {
                Marshal.DestroyStructure<T>(address);
            }
        }
    }
}
