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

        CheckSize<T>(sizeof(SecurityAttributes), "SECURITY_ATTRIBUTES", "int nLength, a pointer-sized lpSecurityDescriptor, a BOOL bInheritHandle");
        var native = new SecurityAttributes { Length = sizeof(SecurityAttributes) };
        ToNative(attributes, &native);
        native.InheritHandle = ArgumentRewriting.InheritArgument(native.InheritHandle, mode);
        return FromNative<T>(&native, attributes is not null);
    }

    /// <summary>
    /// CREATEFILE2_EXTENDED_PARAMETERS of the user's own type: a new one whose lpSecurityAttributes is
    /// <paramref name="attributes"/>, the wrapper's copy of the SECURITY_ATTRIBUTES the caller's pointed to (or a fresh one).
    /// </summary>
    [return: NotNullIfNotNull(nameof(parameters))]
    internal static unsafe T? CopyCreateFile2Parameters<[DynamicallyAccessedMembers(Constructors)] T>(T? parameters, SecurityAttributes* attributes, CloexecMode mode)
    {
        if (mode == CloexecMode.PassThrough)
        {
            return parameters;
        }

        CheckSize<T>(sizeof(CreateFile2Parameters), "CREATEFILE2_EXTENDED_PARAMETERS",
            "four DWORDs, then a pointer-sized lpSecurityAttributes and hTemplateFile");
        var native = new CreateFile2Parameters { Size = (uint)sizeof(CreateFile2Parameters) };
        ToNative(parameters, &native);
        CreateFile2Parameters copy;
        _ = ArgumentRewriting.CreateFile2Parameters(&native, &copy, attributes, mode);
        try
        {
            // The copy shares whatever StructureToPtr allocated for the original's fields: read it before freeing that.
            return FromNative<T>(&copy, destroy: false);
        }
        finally
        {
            if (parameters is not null)
            {
                Marshal.DestroyStructure<T>((nint)(&native));
            }
        }
    }

    private static void CheckSize<T>(int win32Size, string win32Name, string layout)
    {
        int size = Marshal.SizeOf<T>();
        if (size != win32Size)
        {
            throw new ArgumentException(
                $"{typeof(T).FullName} is {size} bytes as a native struct, but {win32Name} is {win32Size}: declare it with the Win32 layout ({layout}).");
        }
    }

    private static unsafe void ToNative<T>(T? value, void* native)
    {
        if (value is not null)
        {
            Marshal.StructureToPtr(value, (nint)native, fDeleteOld: false);
        }
    }

    // With destroy, the native struct holds what StructureToPtr allocated for a field of the user's type: freed once read.
    private static unsafe T FromNative<[DynamicallyAccessedMembers(Constructors)] T>(void* native, bool destroy)
    {
        try
        {
            return Marshal.PtrToStructure<T>((nint)native)!;
        }
        finally
        {
            if (destroy)
            {
                Marshal.DestroyStructure<T>((nint)native);
            }
        }
    }
}
