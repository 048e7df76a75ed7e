using Cloexec.Fallback;
using Cloexec.Platform;

namespace Cloexec.Interop;

/// <summary>
/// Set-or-close after creation for what only Windows makes: descriptors of a named CRT, handles that are NULL on
/// failure, a descriptor returned through an int*. Each ends in <see cref="AfterCreation.Kept"/>.
/// </summary>
internal static class WindowsHandles
{
    internal static void CrtDescriptor(AtomicWay way, CrtLibrary crt, ref int result, ref int errno)
    {
        if (result != -1 && !AfterCreation.Kept(way, HandleInheritance.SetOrCloseCrt(result, IsMsvcrt(crt)), ref errno))
        {
            result = -1;
        }
    }

    internal static unsafe void CrtPair(AtomicWay way, CrtLibrary crt, ref int result, int* descriptors, ref int errno)
    {
        if (result != -1 && !AfterCreation.Kept(way, NewDescriptors.SetBothOrClose(descriptors[0], descriptors[1], IsMsvcrt(crt)), ref errno))
        {
            result = -1;
        }
    }

    /// <summary>_sopen_s's shape: an errno_t result, the descriptor through a pointer, -1 there on failure.</summary>
    internal static unsafe void CrtOutDescriptor(AtomicWay way, CrtLibrary crt, ref int result, int* descriptor, ref int errno)
    {
        if (result != 0 || descriptor is null || *descriptor == -1)
        {
            return;
        }

        int failure = HandleInheritance.SetOrCloseCrt(*descriptor, IsMsvcrt(crt));
        if (!AfterCreation.Kept(way, failure, ref errno))
        {
            *descriptor = -1;
            result = failure == WindowsValues.ErrorInvalidHandle ? WindowsValues.CrtEBadF : WindowsValues.CrtEAcces;
        }
    }

    /// <summary>_dup2's shape: 0 or -1, the new descriptor the number the caller gave.</summary>
    internal static void CrtDuplicatedOnto(AtomicWay way, CrtLibrary crt, ref int result, int descriptor, ref int errno)
    {
        if (result == 0 && !AfterCreation.Kept(way, HandleInheritance.SetOrCloseCrt(descriptor, IsMsvcrt(crt)), ref errno))
        {
            result = -1;
        }
    }

    internal static void Handle(AtomicWay way, ref nint result, nint failure, ref int errno)
    {
        // Neither NULL nor INVALID_HANDLE_VALUE is ever a new handle, whichever the function fails with.
        if (result != 0 && result != WindowsValues.InvalidHandle && !AfterCreation.Kept(way, HandleInheritance.SetOrCloseHandle(result), ref errno))
        {
            result = failure;
        }
    }

    internal static void Socket(AtomicWay way, ref nint result, ref int errno)
    {
        if (result != WindowsValues.InvalidHandle && !AfterCreation.Kept(way, HandleInheritance.SetOrCloseSocket(result), ref errno))
        {
            result = WindowsValues.InvalidHandle;
        }
    }

    private static bool IsMsvcrt(CrtLibrary crt) => crt == CrtLibrary.Msvcrt;
}
