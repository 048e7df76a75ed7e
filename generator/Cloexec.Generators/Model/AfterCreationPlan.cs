namespace Cloexec.Generators.Model;

/// <summary>The runtime call that sets the flag after creation, for each kind of output.</summary>
internal enum AfterCreationAction
{
    /// <summary>Nothing: the inheritance was an argument of the call (CreatePipe, DuplicateHandle).</summary>
    None,
    /// <summary>The returned descriptor or handle; a SafeHandle is closed by disposing it.</summary>
    SetAfterCreate,
    /// <summary>A returned SOCKET, closed with closesocket if setting fails.</summary>
    SetAfterCreateSocket,
    /// <summary>A returned HANDLE that is NULL on failure, back to NULL if setting fails.</summary>
    SetAfterCreateHandle,
    /// <summary>A returned FILE*.</summary>
    SetAfterOpenStream,
    /// <summary>A returned FILE* of popen, closed with pclose.</summary>
    SetAfterOpenProcessStream,
    /// <summary>An int[2] argument.</summary>
    SetAfterCreatePair,
    /// <summary>SCM_RIGHTS in a msghdr argument.</summary>
    SetAfterReceive,
    /// <summary>SCM_RIGHTS in each mmsghdr of an array argument.</summary>
    SetAfterReceiveMessages,
    /// <summary>An int* argument of an errno_t-returning CRT call.</summary>
    SetAfterCreateOut,
    /// <summary>Two int* arguments (openpty's).</summary>
    SetAfterCreateBoth,
    /// <summary>The descriptor number an int argument names, duplicated onto by a call that returns 0 (the CRT's _dup2).</summary>
    SetAfterDuplicateOnto,
}

/// <summary>Which C runtime made a CRT descriptor, when the runtime call must be told.</summary>
internal enum CrtLibrary
{
    /// <summary>Not said: not a CRT descriptor, or the runtime's default.</summary>
    Unnamed,
    Msvcrt,
    Ucrt,
}

/// <summary>The runtime call that clears the flag after the call, for <c>cloexec: false</c>.</summary>
internal enum ClearAfterAction
{
    None,
    /// <summary>The returned descriptor (a call that is always close-on-exec).</summary>
    ClearAfterCreate,
    /// <summary>A returned DIR* (opendir).</summary>
    ClearAfterOpenDirectory,
    /// <summary>A reopened FILE*, which may keep the 'e' of its first open.</summary>
    ClearAfterOpenStream,
}

/// <summary>An argument the runtime reads the new descriptors through, or, for _dup2, the new descriptor itself.</summary>
/// <param name="PointerType">The type the runtime takes it as: a pointer, or <c>int</c> for a descriptor passed by value.</param>
/// <param name="PinHere">Whether the set-after call pins it itself: a raw method's argument is not pinned by the wrapper.</param>
internal sealed record OutputPointer(int Parameter, string PointerType, bool PinHere);

/// <summary>How the flag is set after creation where no atomic way was taken.</summary>
internal sealed record AfterCreationPlan(AfterCreationAction Action, CrtLibrary Crt, EquatableArray<OutputPointer> Outputs)
{
    public static AfterCreationPlan Nothing { get; } = new(AfterCreationAction.None, CrtLibrary.Unnamed, EquatableArray<OutputPointer>.Empty);
}

/// <summary>How a call that can block on a descriptor waits for it without holding the fork lock.</summary>
internal enum WaitKind
{
    /// <summary>Made with MSG_DONTWAIT under the lock; if it would have blocked, waited on and made again.</summary>
    RetryWithoutBlocking,
    /// <summary>The call cannot be told not to block (accept): the descriptor is waited on first.</summary>
    ReadableFirst,
}

/// <param name="Descriptor">The descriptor waited on, as the runtime's int, nint or SafeHandle overloads take it.</param>
/// <param name="CallerFlags">For <see cref="WaitKind.RetryWithoutBlocking"/>: the caller's flags, as an int.</param>
internal sealed record BlockingPlan(WaitKind Kind, ArgumentValue Descriptor, ArgumentValue? CallerFlags);
