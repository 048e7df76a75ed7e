using System;
using System.Runtime.InteropServices;
using Cloexec.Fallback;

namespace Cloexec.Interop;

/// <summary>
/// Close-on-exec set (or cleared) on what a non-atomic call just made, each kind of result with its own "nothing was
/// made" and "failed" values; every method ends in <see cref="Kept"/>.
/// </summary>
internal static class AfterCreation
{
    /// <summary>
    /// The one end of every set-or-close: <paramref name="failure"/> is 0, or the error after the new descriptors were
    /// closed, which becomes the call's <paramref name="errno"/>. Returns whether the descriptors stay (the caller then
    /// keeps its result, or else makes it its failure value).
    /// </summary>
    internal static bool Kept(AtomicWay way, int failure, ref int errno)
    {
        if (failure != 0)
        {
            errno = failure;
            return false;
        }

        if (AtomicWayStates.Get(way) == AtomicWayStates.State.Suspect)
        {
            // The atomic try failed as an old kernel would and the plain call then worked: believe the kernel.
            AtomicWayStates.Set(way, AtomicWayStates.State.Refused);
        }

        return true;
    }

    internal static void Descriptor(AtomicWay way, ref int result, ref int errno)
    {
        if (result != -1 && !Kept(way, NewDescriptors.SetOrClose(result), ref errno))
        {
            result = -1;
        }
    }

    internal static void Descriptor(AtomicWay way, ref nint result, ref int errno)
    {
        if (result != -1 && !Kept(way, NewDescriptors.SetOrClose(result), ref errno))
        {
            result = -1;
        }
    }

    internal static void Handle<THandle>(AtomicWay way, ref THandle handle, ref int errno)
        where THandle : SafeHandle, new()
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (!handle.IsInvalid && !Kept(way, NewDescriptors.TrySetOwned(handle.DangerousGetHandle()), ref errno))
        {
            // Disposing the handle closes the descriptor it owns.
            handle.Dispose();
            handle = new THandle();
        }
    }

    internal static unsafe void Both(AtomicWay way, ref int result, int* first, int* second, ref int errno)
    {
        if (result != -1 && !Kept(way, NewDescriptors.SetBothOrClose(*first, *second), ref errno))
        {
            result = -1;
        }
    }

    internal static unsafe void Received(AtomicWay way, ref long result, void* message, ref int errno)
    {
        if (result != -1 && !Kept(way, ReceivedRights.SetOrCloseAll(message), ref errno))
        {
            result = -1;
        }
    }

    internal static unsafe void Received(AtomicWay way, ref nint result, void* message, ref int errno)
    {
        long wide = result;
        Received(way, ref wide, message, ref errno);
        result = (nint)wide;
    }

    internal static unsafe void Received(AtomicWay way, ref int result, void* message, ref int errno)
    {
        long wide = result;
        Received(way, ref wide, message, ref errno);
        result = (int)wide;
    }

    internal static unsafe void ReceivedMessages(AtomicWay way, ref int result, void* messages, ref int errno)
    {
        if (result > 0 && !Kept(way, ReceivedRights.SetOrCloseAllMessages(messages, result), ref errno))
        {
            result = -1;
        }
    }

    internal static void Stream(AtomicWay way, ref nint stream, bool processStream, ref int errno)
    {
        if (stream != 0 && !Kept(way, NewDescriptors.SetOrCloseStream(stream, cloexec: true, processStream), ref errno))
        {
            stream = 0;
        }
    }

    // Clearing after a call that always sets the flag: no atomic way was tried, so there is nothing to learn (None).

    internal static void Cleared(ref int result, ref int errno)
    {
        if (result != -1 && !Kept(AtomicWay.None, NewDescriptors.ClearOrClose(result), ref errno))
        {
            result = -1;
        }
    }

    internal static void Cleared(ref nint result, ref int errno)
    {
        int descriptor = (int)result;
        Cleared(ref descriptor, ref errno);
        result = descriptor;
    }

    internal static void ClearedHandle<THandle>(ref THandle handle, ref int errno)
        where THandle : SafeHandle, new()
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (!handle.IsInvalid && !Kept(AtomicWay.None, CloexecSetter.TrySet((int)handle.DangerousGetHandle(), cloexec: false), ref errno))
        {
            handle.Dispose();
            handle = new THandle();
        }
    }

    internal static void ClearedDirectory(ref nint directory, ref int errno)
    {
        if (directory != 0 && !Kept(AtomicWay.None, NewDescriptors.ClearOrCloseDirectory(directory), ref errno))
        {
            directory = 0;
        }
    }

    internal static void ClearedStream(ref nint stream, ref int errno)
    {
        if (stream != 0 && !Kept(AtomicWay.None, NewDescriptors.SetOrCloseStream(stream, cloexec: false, processStream: false), ref errno))
        {
            stream = 0;
        }
    }
}
