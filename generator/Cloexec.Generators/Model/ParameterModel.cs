namespace Cloexec.Generators.Model;

/// <summary>How a managed value crosses to native code: the closed set the generator marshals itself.</summary>
internal enum MarshalKind
{
    /// <summary>Passed as it is: integers, enums, nint/nuint, pointers, unmanaged structs.</summary>
    Blittable,
    /// <summary><c>bool</c> as a 4-byte Win32 BOOL.</summary>
    BoolAsInt,
    /// <summary><c>bool</c> as one byte.</summary>
    BoolAsByte,
    /// <summary><c>string</c> as a NUL-terminated UTF-8 buffer.</summary>
    Utf8String,
    /// <summary><c>string</c> pinned as UTF-16.</summary>
    Utf16String,
    /// <summary><c>string</c> as a NUL-terminated buffer in the ANSI code page on Windows, UTF-8 elsewhere.</summary>
    AnsiString,
    /// <summary><c>string</c> as UTF-16 on Windows, UTF-8 elsewhere, chosen when the call runs.</summary>
    PlatformString,
    /// <summary>
    /// <c>StringBuilder</c> as a native buffer of its capacity in <see cref="ParameterModel.Encoding"/>: its text copied
    /// in unless <see cref="ParameterModel.CopiedIn"/> is false, read back unless <see cref="ParameterModel.CopiedOut"/> is.
    /// </summary>
    StringBuilder,
    /// <summary>
    /// <c>string</c> through the stateless marshaller named by <c>StringMarshallingCustomType</c>:
    /// <c>ConvertToUnmanaged(string)</c>, then <c>Free</c> if it has one.
    /// </summary>
    CustomString,
    /// <summary>A <c>SafeHandle</c> whose reference count is held across the call.</summary>
    SafeHandle,
    /// <summary><c>Span&lt;T&gt;</c> or <c>ReadOnlySpan&lt;T&gt;</c> of a blittable element, pinned.</summary>
    Span,
    /// <summary>An array of a blittable element, pinned.</summary>
    Array,
    /// <summary><c>ref</c>, <c>out</c> or <c>in</c> of a blittable type, pinned.</summary>
    ByReference,
    /// <summary>A typedef-like struct (<c>mode_t</c>): passed as the one integer it holds.</summary>
    Typedef,
    /// <summary>
    /// A struct declared by value for a function that reads it through a pointer (SECURITY_ATTRIBUTES): passed as the
    /// address of the wrapper's own copy, the parameter itself, as the x64 and arm64 Windows ABIs pass a struct that size.
    /// </summary>
    StructAddress,
}

internal enum ParameterDirection
{
    In,
    Ref,
    Out,
    ReadOnlyRef,
}

/// <summary>One parameter that reaches native code.</summary>
/// <param name="Name">The C# name, escaped where it is a keyword.</param>
/// <param name="ManagedType">The fully qualified managed type.</param>
/// <param name="NativeType">The fully qualified type of the native argument.</param>
/// <param name="Marshaller">For <see cref="MarshalKind.CustomString"/>: the fully qualified marshaller type.</param>
/// <param name="MarshallerFrees">For <see cref="MarshalKind.CustomString"/>: whether the marshaller has <c>Free</c>.</param>
/// <param name="Encoding">For <see cref="MarshalKind.StringBuilder"/>: how its characters cross.</param>
/// <param name="CopiedIn">For <see cref="MarshalKind.StringBuilder"/>: whether its text is sent (not <c>[Out]</c> only).</param>
/// <param name="CopiedOut">For <see cref="MarshalKind.StringBuilder"/>: whether the buffer is read back (not <c>[In]</c> only).</param>
/// <param name="NativeName">
/// The local that holds the native value (and, with <c>__marshaller</c> after it, its marshaller): chosen by the
/// planner so that it is no parameter's name.
/// </param>
internal sealed record ParameterModel(
    string Name,
    string ManagedType,
    string NativeType,
    MarshalKind Kind,
    ParameterDirection Direction,
    string? Marshaller = null,
    bool MarshallerFrees = false,
    TextEncoding Encoding = TextEncoding.Utf8,
    bool CopiedIn = true,
    bool CopiedOut = true,
    string NativeName = "");

internal enum ReturnKind
{
    /// <summary>An integer returned as it is.</summary>
    Blittable,
    /// <summary>A SafeHandle made from the native value.</summary>
    SafeHandle,
    /// <summary>A typedef-like struct (<c>ssize_t</c>) holding the native integer, reinterpreted from it.</summary>
    Typedef,
    /// <summary>A <c>bool</c> from a 4-byte Win32 BOOL (<c>[return: MarshalAs(UnmanagedType.Bool)]</c>).</summary>
    BoolAsInt,
}

/// <summary>The return value: its managed type and the native type it comes as.</summary>
internal sealed record ReturnModel(string ManagedType, string NativeType, ReturnKind Kind);
