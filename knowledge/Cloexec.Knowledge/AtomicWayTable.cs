using System;
using Cloexec.Platform;

// The runtime asks it which way to try; the generator, which function a way's call goes to. The OS queries are
// apart, in the runtime's AtomicWayTable.Current.cs.
namespace Cloexec.Interop;

/// <summary>How an old kernel tells that it lacks an atomic way.</summary>
internal enum Refusal
{
    /// <summary>Every kernel that has the call honours the flag.</summary>
    Never,
    /// <summary>The flag is unknown to the call: <c>EINVAL</c> (the socket flag before Linux 2.6.27, eventfd2...).</summary>
    InvalidArgument,
    /// <summary>The call itself is missing: <c>ENOSYS</c> (pipe2, dup3, accept4 before 2.6.27/2.6.28).</summary>
    NoSuchCall,
    /// <summary>The flag is silently ignored (the open flag before Linux 2.6.23): check the first descriptor.</summary>
    SilentlyIgnored,
}

/// <summary>Whether an OS has an atomic way.</summary>
internal enum Presence : byte
{
    Absent,
    /// <summary>In every version the runtime supports.</summary>
    Present,
    /// <summary>In some versions only: the way exists where the C library exports its function.</summary>
    IfExported,
}

/// <summary>Where one atomic way exists, which C function it calls, and how it is refused.</summary>
/// <param name="Way">The way.</param>
/// <param name="Function">
/// The C function the way needs: the one generated code calls where it replaces a legacy call (pipe -> pipe2),
/// through the address the runtime found for it once per process, so that a missing function is never called;
/// or the one whose presence tells that the flag exists (timerfd_create). Null for a way that only adds a flag to
/// the caller's own call. A way without it here is refused.
/// </param>
/// <param name="Linux">Whether Linux has the way; likewise <paramref name="MacOS"/> and <paramref name="FreeBsd"/>.</param>
/// <param name="MacOS">As <paramref name="Linux"/>.</param>
/// <param name="FreeBsd">As <paramref name="Linux"/>.</param>
/// <param name="Windows">Whether Windows has the way.</param>
/// <param name="Refusal">How a kernel without the way refuses it.</param>
/// <param name="Flag">
/// The way's flag in a platform's row; a zero value (unknown on this architecture) turns the way off. Null in a family's
/// row: the family's own flag.
/// </param>
internal readonly record struct WayRow(
    AtomicWay Way, string? Function, Presence Linux, Presence MacOS, Presence FreeBsd, bool Windows, Refusal Refusal, Func<PlatformValues, int>? Flag = null);

/// <summary>Every atomic way: a family's own way is in its row of <see cref="FlagFamilyTable"/>, the others here.</summary>
internal static partial class AtomicWayTable
{
    // The ways that call a function of their own in place of a legacy call, with their family's flag. Linux: man-pages
    // pipe(2), dup(2), accept(2), fcntl(2), mkstemp(3). macOS: unistd.h declares pipe2 and dup3 from macOS 27 on, as
    // weak symbols (looked up at run time); no accept4; mkostemp since 10.12; fcntl's command in bsd/sys/fcntl.h.
    // FreeBSD: unistd.h (pipe2, dup3 since 10.0/12.0), sys/sys/socket.h (accept4), stdlib.h (mkostemp), sys/sys/fcntl.h.
    private const Presence No = Presence.Absent;
    private const Presence Yes = Presence.Present;
    private const Presence IfExported = Presence.IfExported;

    private static readonly WayRow[] s_siblingWays =
    [
        new(AtomicWay.Pipe2, "pipe2", Yes, IfExported, Yes, false, Refusal.NoSuchCall, FlagOf(CloexecFlag.Open)),
        new(AtomicWay.Dup3, "dup3", Yes, IfExported, Yes, false, Refusal.NoSuchCall, FlagOf(CloexecFlag.Open)),
        new(AtomicWay.Accept4, "accept4", Yes, No, Yes, false, Refusal.NoSuchCall, FlagOf(CloexecFlag.Socket)),
        new(AtomicWay.DupFdCloexec, "fcntl", Yes, Yes, Yes, false, Refusal.InvalidArgument, p => p.FDupFdCloexec),
        new(AtomicWay.Mkostemp, "mkostemp", Yes, Yes, Yes, false, Refusal.NoSuchCall, FlagOf(CloexecFlag.Open)),
    ];

    /// <summary>Every way's row at its enum value's index; a way no row names is left at its default (and fails IsInOrder).</summary>
    private static readonly WayRow[] s_rows = IndexByWay();

    internal static int Count => s_rows.Length;

    /// <summary>The C function the way calls, or <see langword="null"/> when it only adds a flag to the caller's call.</summary>
    internal static string? FunctionOf(AtomicWay way) => s_rows[(int)way].Function;

    /// <summary>Whether <paramref name="way"/> exists on <paramref name="kernel"/> in some version at least.</summary>
    internal static Presence PresenceOn(AtomicWay way, UnixKernel kernel)
    {
        WayRow row = s_rows[(int)way];
        return kernel switch
        {
            UnixKernel.Linux => row.Linux,
            UnixKernel.MacOS => row.MacOS,
            _ => row.FreeBsd,
        };
    }

    /// <summary>
    /// Whether <paramref name="way"/> can be used on the platform described (<paramref name="values"/> null: Windows),
    /// given the address <paramref name="functionAddress"/> its function was found at (0: not exported).
    /// </summary>
    internal static bool IsAvailable(AtomicWay way, PlatformValues? values, nint functionAddress)
    {
        WayRow row = s_rows[(int)way];
        if (values is null)
        {
            return row.Windows;
        }

        Presence presence = PresenceOn(way, values.Kernel);
        if (presence == Presence.Absent || row.Flag?.Invoke(values) is null or 0)
        {
            return false;
        }

        // A way that calls a function of its own never calls it unexported, wherever the table says it exists.
        return row.Function is null || functionAddress != 0;
    }

    internal static Refusal RefusalOf(AtomicWay way) => s_rows[(int)way].Refusal;

    /// <summary>Whether the row of <paramref name="way"/> is at its index (the table is indexed by the enum).</summary>
    internal static bool IsInOrder(AtomicWay way) => (uint)way < (uint)s_rows.Length && s_rows[(int)way].Way == way;

    private static Func<PlatformValues, int>? FlagOf(CloexecFlag family) => FlagFamilyTable.Of(family)?.UnixValue;

    private static WayRow[] IndexByWay()
    {
        int count = FlagFamilyTable.Count + s_siblingWays.Length;
        var rows = new WayRow[count];
        foreach (FlagFamily family in FlagFamilyTable.All)
        {
            Place(rows, family.Way with { Flag = family.Way.Flag ?? family.UnixValue });
        }

        foreach (WayRow row in s_siblingWays)
        {
            Place(rows, row);
        }

        return rows;
    }

    // Two rows for one way, or a way past the end, leave a hole that IsInOrder reports rather than a throw at start.
    private static void Place(WayRow[] rows, WayRow row)
    {
        if ((uint)row.Way < (uint)rows.Length)
        {
            rows[(int)row.Way] = row;
        }
    }
}
