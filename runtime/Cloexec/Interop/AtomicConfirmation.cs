using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cloexec.Fallback;

namespace Cloexec.Interop;

/// <summary>
/// The atomic-way state machine seen from a call: whether to try the way, and what its first results teach (a refusal
/// as an old kernel would make it, or a flag silently ignored).
/// </summary>
internal static class AtomicConfirmation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Use(CloexecMode mode, AtomicWay way) => mode == CloexecMode.Set && AtomicWayStates.IsUsable(way);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Confirm(AtomicWay way, ref int result, ref int errno)
    {
        if (AtomicWayStates.IsConfirmed(way))
        {
            return true;
        }

        long descriptor = result;
        bool done = FirstCalls(way, ref descriptor, ref errno);
        result = (int)descriptor;
        return done;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Confirm(AtomicWay way, ref nint result, ref int errno)
    {
        if (AtomicWayStates.IsConfirmed(way))
        {
            return true;
        }

        long descriptor = result;
        bool done = FirstCalls(way, ref descriptor, ref errno);
        result = (nint)descriptor;
        return done;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Confirm(AtomicWay way, ref long result, ref int errno) =>
        AtomicWayStates.IsConfirmed(way) || FirstCalls(way, ref result, ref errno);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Confirm(AtomicWay way, ref bool result, ref int errno)
    {
        int value = result ? 1 : 0;
        return Confirm(way, ref value, ref errno);
    }

    /// <summary>
    /// A kernel that silently ignored the flag gets the flag set on this very handle rather than a second call, which
    /// would leave the first descriptor open (and could fail where the first call worked, as with O_EXCL).
    /// </summary>
    internal static bool Confirm<THandle>(AtomicWay way, ref THandle handle, ref int errno)
        where THandle : SafeHandle, new()
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (AtomicWayStates.IsConfirmed(way))
        {
            return true;
        }

        if (handle.IsInvalid)
        {
            long failed = -1;
            return FirstCalls(way, ref failed, ref errno);
        }

        if (AtomicWayTable.RefusalOf(way) == Refusal.SilentlyIgnored && !FileDescriptor.HasCloexecFlag((int)handle.DangerousGetHandle()))
        {
            AtomicWayStates.Set(way, AtomicWayStates.State.Refused);
            AfterCreation.Handle(way, ref handle, ref errno);
            return true;
        }

        AtomicWayStates.Set(way, AtomicWayStates.State.Works);
        return true;
    }

    private static bool FirstCalls(AtomicWay way, ref long descriptor, ref int errno)
    {
        if (descriptor == -1)
        {
            if (AtomicWayStates.Get(way) != AtomicWayStates.State.Works && AtomicWayTable.IsRefusal(way, errno))
            {
                AtomicWayStates.Set(way, AtomicWayStates.State.Suspect);
                return false;
            }

            return true;
        }

        if (AtomicWayTable.RefusalOf(way) == Refusal.SilentlyIgnored && !FileDescriptor.HasCloexecFlag((int)descriptor))
        {
            // A kernel that ignores the flag: fix this descriptor and never trust the flag again.
            AtomicWayStates.Set(way, AtomicWayStates.State.Refused);
            int failure = NewDescriptors.SetOrClose((int)descriptor);
            if (failure != 0)
            {
                descriptor = -1;
                errno = failure;
            }

            return true;
        }

        AtomicWayStates.Set(way, AtomicWayStates.State.Works);
        return true;
    }
}
