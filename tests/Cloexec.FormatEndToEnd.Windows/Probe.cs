using System;

namespace WindowsBindings;

/// <summary>How a child started with handle inheritance on proves it reached the very object a handle value names.</summary>
internal enum Proof
{
    /// <summary>WriteFile of the marker, which the parent then finds at its own end of the file or pipe.</summary>
    Write,

    /// <summary>The marker written into a view of the mapping, which the parent then finds in its own view.</summary>
    WriteMapping,

    /// <summary>SetEvent: the parent's event is then signalled.</summary>
    SetEvent,

    /// <summary>ReleaseSemaphore: the parent's semaphore, made at count 0, can then be taken.</summary>
    ReleaseSemaphore,

    /// <summary>The child takes the mutex and exits with it: the parent's wait then says it was abandoned.</summary>
    AbandonMutex,

    /// <summary>SetWaitableTimer due at once: the parent's timer is then signalled.</summary>
    SetTimer,

    /// <summary>AssignProcessToJobObject of the child itself: the parent's job then counts a process.</summary>
    JoinJob,

    /// <summary>GetProcessId of the handle, compared by the child with the parent's id; reported in its exit code.</summary>
    ProcessId,

    /// <summary>GetThreadId of the handle, compared by the child with the parent's thread id; reported in its exit code.</summary>
    ThreadId,
}

/// <summary>
/// What one call of a creator made: the handles whose HANDLE_FLAG_INHERIT is read, the one a child is given and what it
/// does with it, how the parent sees that on its own object (null where the child compares an id itself), and how to
/// close it all. A value that happens to name some other object in the child has no such effect.
/// </summary>
internal sealed record Probe(nint[] Handles, nint ChildHandle, Proof Proof, Func<bool>? Observe, Action Close)
{
    /// <summary>For <see cref="Proof.ProcessId"/> and <see cref="Proof.ThreadId"/>: the id the child must find.</summary>
    public uint ExpectedId { get; init; }

    /// <summary>The caller's SECURITY_ATTRIBUTES, marshalled, before and after the call: a caller's struct is never written.</summary>
    public (string Before, string After)? Attributes { get; init; }
}

/// <summary>One way code calls a creator whose inheritance is an argument: what the argument asks, and the cloexec it adds.</summary>
internal readonly record struct Call(bool Inherit, bool? Cloexec)
{
    /// <summary>An explicit cloexec decides; unset, the caller's own argument does, whatever the ambient default.</summary>
    public bool Inheritable => Cloexec is bool cloexec ? !cloexec : Inherit;

    public override string ToString() => $"argument: {(Inherit ? "TRUE" : "none")}, cloexec: {Cloexec?.ToString() ?? "default"}";
}

/// <summary>
/// A creator of the corpus, and how a call of it asks for what <see cref="Call"/> says. One the code fix deliberately
/// leaves alone (<paramref name="LeftAlone"/>) has no cloexec: it is called only as the original code calls it.
/// </summary>
internal sealed record Creator(string Name, Func<Call, Probe> Make, bool LeftAlone = false);
