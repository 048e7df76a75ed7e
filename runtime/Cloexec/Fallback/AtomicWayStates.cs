using System.Runtime.CompilerServices;
using Cloexec.Interop;
using Cloexec.Platform;

namespace Cloexec.Fallback;

/// <summary>What this process has learnt about each atomic way, as CPython remembers it per process.</summary>
internal static class AtomicWayStates
{
    internal enum State : byte
    {
        /// <summary>Not tried yet: a refusal on the first try is believed.</summary>
        Unknown,
        /// <summary>Worked once: every later failure is the caller's.</summary>
        Works,
        /// <summary>Failed as an old kernel would; refused for good if the fallback then succeeds.</summary>
        Suspect,
        /// <summary>Missing here, refused by the kernel, or forced off: always the fallback.</summary>
        Refused,
    }

    private static readonly State[] s_states = CreateStates();

    private static State[] CreateStates(bool forceFallback = false)
    {
        var states = new State[AtomicWayTable.Count];
        for (int way = 0; way < states.Length; way++)
        {
            bool usable = !forceFallback && !CloexecSwitches.ForceFallback && AtomicWayTable.ExistsHere((AtomicWay)way);
            states[way] = usable ? State.Unknown : State.Refused;
        }

        return states;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsUsable(AtomicWay way) => s_states[(int)way] != State.Refused;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsConfirmed(AtomicWay way) => s_states[(int)way] == State.Works;

    internal static State Get(AtomicWay way) => s_states[(int)way];

    internal static void Set(AtomicWay way, State state)
    {
        if (way != AtomicWay.None)
        {
            s_states[(int)way] = state;
        }
    }

    /// <summary>Forgets what was learnt, and forces the fallback as <c>CLOEXEC_FORCE_FALLBACK</c> would (tests).</summary>
    internal static void ResetForTests(bool forceFallback = false) => CreateStates(forceFallback).CopyTo(s_states, 0);
}
