using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Cloexec.Interop;

// What only Windows wrappers call: the arguments that state a handle's inheritance, and set-or-close after creation
// for Windows handles and CRT descriptors.
public static partial class DescriptorRuntime
{
    // ---- Arguments that state the inheritance (SECURITY_ATTRIBUTES, bInheritHandle)

    /// <summary>
    /// Resolves the <c>cloexec</c> argument of a call that states its inheritance in an argument of its own
    /// (<c>SECURITY_ATTRIBUTES.bInheritHandle</c>, <c>bInheritHandle</c>): <see cref="CloexecMode.PassThrough"/> when
    /// unset, whatever the ambient default, so the caller's argument decides; otherwise as <see cref="ResolveMode"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CloexecMode ResolveModeOverArgument(bool? cloexec) => ArgumentRewriting.ResolveModeOverArgument(cloexec);

    /// <summary>
    /// The <c>SECURITY_ATTRIBUTES*</c> to pass to CreateFileW or CreatePipe: the caller's own when the mode is
    /// <see cref="CloexecMode.PassThrough"/>; otherwise <paramref name="storage"/>, a copy of the caller's struct (or a
    /// fresh one for <see langword="null"/>) whose <c>bInheritHandle</c> says the mode. The caller's struct is never written.
    /// </summary>
    public static unsafe void* ApplySecurityAttributes(void* attributes, SecurityAttributes* storage, CloexecMode mode) =>
        ArgumentRewriting.SecurityAttributes(attributes, storage, mode);

    /// <summary>
    /// The SECURITY_ATTRIBUTES to pass to a raw import that declares it as the user's own struct or layout class (by
    /// value, <c>ref</c> or <c>in</c>): <paramref name="attributes"/> itself when the mode is
    /// <see cref="CloexecMode.PassThrough"/>; otherwise a new copy of it (or a fresh one for <see langword="null"/>)
    /// whose <c>bInheritHandle</c> says the mode. The caller's struct or object is never written.
    /// </summary>
    /// <exception cref="System.ArgumentException"><typeparamref name="T"/> is not of the Win32 layout's size.</exception>
    [return: NotNullIfNotNull(nameof(attributes))]
    public static T? CopySecurityAttributes<[DynamicallyAccessedMembers(SecurityAttributesCopies.Constructors)] T>(T? attributes, CloexecMode mode) => SecurityAttributesCopies.Copy(attributes, mode);

    /// <summary>
    /// The CREATEFILE2_EXTENDED_PARAMETERS to pass to a raw import that declares it as the user's own struct or layout
    /// class: <paramref name="parameters"/> itself when passing through; otherwise a new copy of it (or a fresh one for
    /// <see langword="null"/>) whose <c>lpSecurityAttributes</c> is <paramref name="attributes"/>, a copy of the caller's
    /// SECURITY_ATTRIBUTES (or a fresh one) with <c>bInheritHandle</c> set. Neither of the caller's structs is written.
    /// </summary>
    /// <exception cref="System.ArgumentException"><typeparamref name="T"/> is not of the Win32 layout's size.</exception>
    [return: NotNullIfNotNull(nameof(parameters))]
    public static unsafe T? CopyCreateFile2Parameters<[DynamicallyAccessedMembers(SecurityAttributesCopies.Constructors)] T>(
        T? parameters, SecurityAttributes* attributes, CloexecMode mode) => SecurityAttributesCopies.CopyCreateFile2Parameters(parameters, attributes, mode);

    /// <summary>
    /// The <c>CREATEFILE2_EXTENDED_PARAMETERS*</c> to pass to CreateFile2: the caller's own when the mode is
    /// <see cref="CloexecMode.PassThrough"/>; otherwise <paramref name="storage"/>, a copy of the caller's struct (or a
    /// fresh one for <see langword="null"/>) whose <c>lpSecurityAttributes</c> is <paramref name="attributes"/>, a copy
    /// made by <see cref="ApplySecurityAttributes"/>. Neither of the caller's structs is written.
    /// </summary>
    public static unsafe void* ApplyCreateFile2Parameters(void* parameters, CreateFile2Parameters* storage, SecurityAttributes* attributes, CloexecMode mode) =>
        ArgumentRewriting.CreateFile2Parameters(parameters, storage, attributes, mode);

    /// <summary>The BOOL <c>bInheritHandle</c> argument to pass (DuplicateHandle): the caller's own when passing through.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ApplyInheritArgument(int inherit, CloexecMode mode) => ArgumentRewriting.InheritArgument(inherit, mode);

    // ---- After creation, Windows

    /// <summary>
    /// After a non-atomic Winsock call (socket, accept) in <see cref="CloexecMode.Set"/> mode: clears the socket's
    /// <c>HANDLE_FLAG_INHERIT</c>; on failure closes it with closesocket and makes <paramref name="result"/>
    /// <c>INVALID_SOCKET</c>.
    /// </summary>
    public static void SetAfterCreateSocket(AtomicWay way, ref nint result, ref int errno) => WindowsHandles.Socket(way, ref result, ref errno);

    /// <summary>
    /// After a non-atomic CRT call (_dup, or _open on the fallback path) in <see cref="CloexecMode.Set"/> mode: clears
    /// <c>HANDLE_FLAG_INHERIT</c> on the handle behind the descriptor, found with <paramref name="crt"/>'s own
    /// <c>_get_osfhandle</c>; on failure closes it with that CRT's <c>_close</c> and makes <paramref name="result"/> -1.
    /// </summary>
    public static void SetAfterCreate(AtomicWay way, CrtLibrary crt, ref int result, ref int errno) => WindowsHandles.CrtDescriptor(way, crt, ref result, ref errno);

    /// <summary>
    /// After a non-atomic <c>_pipe</c> of <paramref name="crt"/> in <see cref="CloexecMode.Set"/> mode: both
    /// descriptors non-inheritable; on failure closes both and makes <paramref name="result"/> -1.
    /// </summary>
    public static unsafe void SetAfterCreatePair(AtomicWay way, CrtLibrary crt, ref int result, int* descriptors, ref int errno) =>
        WindowsHandles.CrtPair(way, crt, ref result, descriptors, ref errno);

    /// <summary>
    /// After a non-atomic <c>_sopen_s</c> or <c>_wsopen_s</c> in <see cref="CloexecMode.Set"/> mode: the call returned
    /// an <c>errno_t</c> (0 on success) and the descriptor through <paramref name="descriptor"/>. On failure the
    /// descriptor is closed, <c>*descriptor</c> becomes -1 as the CRT leaves it on its own failures, <paramref name="result"/>
    /// the CRT's errno for the Win32 error (EBADF or EACCES) and <paramref name="errno"/> the Win32 error.
    /// </summary>
    public static unsafe void SetAfterCreateOut(AtomicWay way, CrtLibrary crt, ref int result, int* descriptor, ref int errno) =>
        WindowsHandles.CrtOutDescriptor(way, crt, ref result, descriptor, ref errno);

    /// <summary>
    /// After <c>_dup2</c> of <paramref name="crt"/> in <see cref="CloexecMode.Set"/> mode, which returned 0: clears
    /// <c>HANDLE_FLAG_INHERIT</c> on the handle behind <paramref name="descriptor"/>, the number duplicated onto; on
    /// failure closes it with that CRT's <c>_close</c> and makes <paramref name="result"/> -1.
    /// </summary>
    public static void SetAfterDuplicateOnto(AtomicWay way, CrtLibrary crt, ref int result, int descriptor, ref int errno) =>
        WindowsHandles.CrtDuplicatedOnto(way, crt, ref result, descriptor, ref errno);

    /// <summary>
    /// After a non-atomic call that returns a HANDLE, in <see cref="CloexecMode.Set"/> mode: clears its
    /// <c>HANDLE_FLAG_INHERIT</c>; on failure closes it and makes <paramref name="result"/> <paramref name="failure"/>,
    /// the function's own failure value (NULL for CreateEventW, OpenProcess...; INVALID_HANDLE_VALUE for CreateNamedPipeW).
    /// </summary>
    public static void SetAfterCreateHandle(AtomicWay way, ref nint result, nint failure, ref int errno) =>
        WindowsHandles.Handle(way, ref result, failure, ref errno);
}
