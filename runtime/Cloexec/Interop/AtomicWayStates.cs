using System.Runtime.CompilerServices;
using Cloexec.Platform;

namespace Cloexec.Interop;

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

    // The address of each way's own C function (AtomicWayTable.FunctionOf), looked up once per process and never
    // changed after; 0 where the C library does not export it, and then the way is refused.
    private static readonly nint[] s_functions = FindFunctions();

    private static readonly State[] s_states = CreateStates(forceFallback: false, s_functions);

    private static nint[] FindFunctions()
    {
        var functions = new nint[AtomicWayTable.Count];
        if (PlatformValues.Current is not null)
        {
            for (int way = 0; way < functions.Length; way++)
            {
                functions[way] = AtomicWayTable.FunctionOf((AtomicWay)way) is { } function ? CLibrary.Find(function) : 0;
            }
        }

        return functions;
    }

    private static State[] CreateStates(bool forceFallback, nint[] functions)
    {
        var states = new State[AtomicWayTable.Count];
        for (int way = 0; way < states.Length; way++)
        {
            bool usable = !forceFallback && !CloexecSwitches.ForceFallback
                && AtomicWayTable.IsAvailable((AtomicWay)way, PlatformValues.Current, functions[way]);
            states[way] = usable ? State.Unknown : State.Refused;
        }

        return states;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsUsable(AtomicWay way) => s_states[(int)way] != State.Refused;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsConfirmed(AtomicWay way) => s_states[(int)way] == State.Works;

    /// <summary>The address of the way's C function; 0 when the C library does not export it (the way is then refused).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nint FunctionOf(AtomicWay way) => s_functions[(int)way];

    internal static State Get(AtomicWay way) => s_states[(int)way];

    internal static void Set(AtomicWay way, State state)
    {
        if (way != AtomicWay.None)
        {
            s_states[(int)way] = state;
        }
    }

    /// <summary>
    /// Forgets what was learnt, and forces the fallback as <c>CLOEXEC_FORCE_FALLBACK</c> would (tests). With
    /// <paramref name="missingFunction"/>, plays an OS version whose C library lacks that function.
    /// </summary>
    internal static void ResetForTests(bool forceFallback = false, string? missingFunction = null)
    {
        nint[] functions = (nint[])s_functions.Clone();
        for (int way = 0; way < functions.Length; way++)
        {
            if (missingFunction is not null && AtomicWayTable.FunctionOf((AtomicWay)way) == missingFunction)
            {
                functions[way] = 0;
            }
        }

        CreateStates(forceFallback, functions).CopyTo(s_states, 0);
    }
}
