using System.Runtime.CompilerServices;
using Cloexec.Fallback;
using Cloexec.Platform;

namespace Cloexec.Interop;

// The Windows calls of generated wrappers that need more than a bit in a flags argument: descriptors of a named CRT,
// handles that are NULL on failure, a descriptor returned through an int*, SECURITY_ATTRIBUTES inside a struct.
public static partial class DescriptorRuntime
{
    /// <summary>
    /// After a non-atomic CRT call (_dup, or _open on the fallback path) in <see cref="CloexecMode.Set"/> mode: clears
    /// <c>HANDLE_FLAG_INHERIT</c> on the handle behind the descriptor, found with <paramref name="crt"/>'s own
    /// <c>_get_osfhandle</c>; on failure closes it with that CRT's <c>_close</c> and makes <paramref name="result"/> -1.
    /// </summary>
    public static void SetAfterCreate(AtomicWay way, CrtLibrary crt, ref int result, ref int errno)
    {
        if (result == -1)
        {
            return;
        }

        int failure = HandleInheritance.SetOrCloseCrt(result, crt);
        Conclude(way, failure, ref errno);
        if (failure != 0)
        {
            result = -1;
        }
    }

    /// <summary>
    /// After a non-atomic <c>_pipe</c> of <paramref name="crt"/> in <see cref="CloexecMode.Set"/> mode: both
    /// descriptors non-inheritable; on failure closes both and makes <paramref name="result"/> -1.
    /// </summary>
    public static unsafe void SetAfterCreatePair(AtomicWay way, CrtLibrary crt, ref int result, int* descriptors, ref int errno)
    {
        if (result == -1)
        {
            return;
        }

        int failure = HandleInheritance.TrySetCrt(descriptors[0], cloexec: true, crt);
        if (failure == 0)
        {
            failure = HandleInheritance.TrySetCrt(descriptors[1], cloexec: true, crt);
        }

        if (failure != 0)
        {
            HandleInheritance.CloseCrt(descriptors[0], crt);
            HandleInheritance.CloseCrt(descriptors[1], crt);
            result = -1;
        }

        Conclude(way, failure, ref errno);
    }

    /// <summary>
    /// After a non-atomic <c>_sopen_s</c> or <c>_wsopen_s</c> in <see cref="CloexecMode.Set"/> mode: the call returned
    /// an <c>errno_t</c> (0 on success) and the descriptor through <paramref name="descriptor"/>. On failure the
    /// descriptor is closed, <c>*descriptor</c> becomes -1 as the CRT leaves it on its own failures, <paramref name="result"/>
    /// the CRT's errno for the Win32 error (EBADF or EACCES) and <paramref name="errno"/> the Win32 error.
    /// </summary>
    public static unsafe void SetAfterCreateOut(AtomicWay way, CrtLibrary crt, ref int result, int* descriptor, ref int errno)
    {
        if (result != 0 || descriptor is null || *descriptor == -1)
        {
            return;
        }

        int failure = HandleInheritance.SetOrCloseCrt(*descriptor, crt);
        Conclude(way, failure, ref errno);
        if (failure != 0)
        {
            *descriptor = -1;
            result = failure == WindowsValues.ErrorInvalidHandle ? WindowsValues.CrtEBadF : WindowsValues.CrtEAcces;
        }
    }

    /// <summary>
    /// After a non-atomic call that returns a HANDLE, in <see cref="CloexecMode.Set"/> mode: clears its
    /// <c>HANDLE_FLAG_INHERIT</c>; on failure closes it and makes <paramref name="result"/> <paramref name="failure"/>,
    /// the function's own failure value (NULL for CreateEventW, OpenProcess...; INVALID_HANDLE_VALUE for CreateNamedPipeW).
    /// </summary>
    public static void SetAfterCreateHandle(AtomicWay way, ref nint result, nint failure, ref int errno)
    {
        // Neither NULL nor INVALID_HANDLE_VALUE is ever a new handle, whichever the function fails with.
        if (result == 0 || result == WindowsValues.InvalidHandle)
        {
            return;
        }

        int error = HandleInheritance.SetOrCloseHandle(result);
        Conclude(way, error, ref errno);
        if (error != 0)
        {
            result = failure;
        }
    }

    /// <summary>After an atomic call whose BOOL result is a C# <see langword="bool"/> (a wrapper over a raw import).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ConfirmAtomic(AtomicWay way, ref bool result, ref int errno)
    {
        int value = result ? 1 : 0;
        return ConfirmAtomic(way, ref value, ref errno);
    }

    /// <summary>
    /// The <c>CREATEFILE2_EXTENDED_PARAMETERS*</c> to pass to CreateFile2: the caller's own when the mode is
    /// <see cref="CloexecMode.PassThrough"/>; otherwise <paramref name="storage"/>, a copy of the caller's struct (or a
    /// fresh one for <see langword="null"/>) whose <c>lpSecurityAttributes</c> is <paramref name="attributes"/>, a copy
    /// made by <see cref="ApplySecurityAttributes"/>. Neither of the caller's structs is written.
    /// </summary>
    public static unsafe void* ApplyCreateFile2Parameters(void* parameters, CreateFile2Parameters* storage, SecurityAttributes* attributes, CloexecMode mode)
    {
        if (mode == CloexecMode.PassThrough)
        {
            return parameters;
        }

        *storage = parameters is null
            ? new CreateFile2Parameters { Size = (uint)sizeof(CreateFile2Parameters) }
            : *(CreateFile2Parameters*)parameters;
        storage->SecurityAttributes = (nint)ApplySecurityAttributes((void*)storage->SecurityAttributes, attributes, mode);
        return storage;
    }
}
