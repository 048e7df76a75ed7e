using System;

namespace Cloexec.Windows.Tests;

/// <summary>How a child proves it holds the very object a handle names, not merely some handle of that value.</summary>
internal enum Proof
{
    /// <summary>WriteFile of a marker that must arrive at the parent's other end (a file, a pipe, a socket).</summary>
    Write,
    /// <summary>send of a marker on a Winsock SOCKET (WriteFile through it when Wine refuses send).</summary>
    Send,
    /// <summary>MapViewOfFile and a marker written into the view, read back through the parent's own view.</summary>
    WriteMapping,
    /// <summary>SetEvent: the parent's event is then signalled.</summary>
    SetEvent,
    /// <summary>ReleaseSemaphore: the parent's semaphore, created at count 0, can then be taken.</summary>
    ReleaseSemaphore,
    /// <summary>Taking the mutex and exiting with it: the parent's wait then reports it abandoned.</summary>
    AbandonMutex,
    /// <summary>SetWaitableTimer to fire at once: the parent's timer is then signalled.</summary>
    SetTimer,
    /// <summary>AssignProcessToJobObject of the child itself: the parent's job then counts a process.</summary>
    JoinJob,
    /// <summary>GetProcessId of the handle, compared in the child with the id the parent expects.</summary>
    ProcessId,
    /// <summary>GetThreadId of the handle, compared in the child with the id the parent expects.</summary>
    ThreadId,
}

/// <summary>
/// One handle made by a creator under test, and how to tell that a child used it: a child started with handle
/// inheritance on gets the handle's value and acts on it (<see cref="Proof"/>); only an effect the parent sees on its
/// own object, or an identity the child checks against the parent's, counts. A value that happens to be valid in the
/// child for some other object has no such effect.
/// </summary>
internal sealed class Sink : IDisposable
{
    private readonly Func<int, int, bool> _arrived;
    private readonly Action _dispose;
    private bool _disposed;

    private Sink(nint handle, Proof proof, string? expected, Func<int, int, bool> arrived, Action dispose)
    {
        Handle = handle;
        Proof = proof;
        Expected = expected;
        _arrived = arrived;
        _dispose = dispose;
    }

    /// <summary>The handle made by the creator: the one whose inheritance is checked, and the one the child acts on.</summary>
    public nint Handle { get; }

    /// <summary>What the child does with the handle.</summary>
    public Proof Proof { get; }

    /// <summary>For <see cref="Proof.ProcessId"/> and <see cref="Proof.ThreadId"/>: the id the child must find.</summary>
    public string? Expected { get; }

    /// <summary>A sink whose marker arrives as text at the parent's end (<see cref="Proof.Write"/>, <see cref="Proof.Send"/>, <see cref="Proof.WriteMapping"/>).</summary>
    public static Sink Written(nint handle, Proof proof, Func<string> received, Action dispose) =>
        new(handle, proof, null, (index, _) => received().Contains(ChildProcess.Marker(index), StringComparison.Ordinal), dispose);

    /// <summary>A sink whose proof is an effect the parent sees on its own object.</summary>
    public static Sink Observed(nint handle, Proof proof, Func<bool> observe, Action dispose) =>
        new(handle, proof, null, (_, _) => observe(), dispose);

    /// <summary>A sink whose proof is an identity the child compares with <paramref name="expected"/>, reported in its exit code.</summary>
    public static Sink Reported(nint handle, Proof proof, uint expected, Action dispose) =>
        new(handle, proof, expected.ToString(System.Globalization.CultureInfo.InvariantCulture), (index, mask) => (mask & (1 << index)) != 0, dispose);

    /// <summary>Whether the child's proof for the handle at <paramref name="index"/> arrived; <paramref name="childMask"/> is the child's exit code.</summary>
    public bool Arrived(int index, int childMask) => _arrived(index, childMask);

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _dispose();
        }
    }
}
