namespace Cloexec.Generators.Model;

/// <summary>The frame the call is made in.</summary>
internal enum CallSkeleton
{
    /// <summary>Atomic way first where there is one, the fallback under ForkLock's shared side, the flag set after creation.</summary>
    ForkLocked,
    /// <summary>The call makes its descriptors close-on-exec by itself: made as declared, without ForkLock.</summary>
    AlwaysCloexec,
}

/// <summary>What an unset <c>cloexec</c> means for the call.</summary>
internal enum ModeSource
{
    /// <summary>The ambient default (<c>CloexecDefault.Current</c>): nothing in the call says whether to inherit.</summary>
    AmbientDefault,
    /// <summary>The caller's own argument (SECURITY_ATTRIBUTES, bInheritHandle), which states it on every call.</summary>
    CallerArgument,
}

/// <summary>How the native value of the result becomes the managed one, after the call.</summary>
internal enum ReturnConversion
{
    /// <summary>The call returns the managed value itself.</summary>
    None,
    /// <summary>A SafeHandle made from the native handle by the SafeHandle marshaller.</summary>
    SafeHandle,
    /// <summary>A typedef-like struct reinterpreted from the integer it holds.</summary>
    Typedef,
    /// <summary>A <c>bool</c> from a 4-byte BOOL.</summary>
    BoolAsInt,
}

/// <summary>
/// Every decision the planner made for one call, as data: the emitters only write it out. The names of runtime members
/// (<see cref="Way"/>, flag values) are the runtime's, chosen by the planner from the knowledge table.
/// </summary>
/// <param name="ModeSource">What an unset <c>cloexec</c> means.</param>
/// <param name="Way">The <c>AtomicWay</c> member the runtime calls are given (<c>None</c> when the call has no way).</param>
/// <param name="HasAtomicWay">Whether the call tries an atomic way at all; without one the flag is always set after creation.</param>
/// <param name="Invoke">The native call itself.</param>
/// <param name="FlagArgument">The argument that carries the flag into the call, if one does.</param>
/// <param name="PassThroughWhen">A condition under which the call is made exactly as declared.</param>
/// <param name="Blocking">How a call that can block waits without holding the fork lock.</param>
/// <param name="AfterCreation">What sets the flag after creation when no atomic way was taken.</param>
/// <param name="ClearAfter">What clears the flag after the call for <c>cloexec: false</c>.</param>
/// <param name="Return">How the result becomes the managed value.</param>
/// <param name="SetsLastPInvokeError">Whether the wrapper publishes the call's error as the last P/Invoke error.</param>
/// <param name="Locals">The names of the wrapper's own locals, none of them a parameter's.</param>
internal sealed record CallPlan(
    CallSkeleton Skeleton,
    ModeSource ModeSource,
    string Way,
    bool HasAtomicWay,
    InvokePlan Invoke,
    FlagArgumentPlan? FlagArgument,
    NativeExpression? PassThroughWhen,
    BlockingPlan? Blocking,
    AfterCreationPlan AfterCreation,
    ClearAfterAction ClearAfter,
    ReturnConversion Return,
    bool SetsLastPInvokeError,
    LocalNames Locals);
