using Cloexec.Generators.Knowledge;

namespace Cloexec.Generators.Model;

/// <summary>What a returned descriptor is, which decides how the fallback closes it on failure.</summary>
internal enum NativeResource
{
    /// <summary>A Unix descriptor, a Windows CRT descriptor (<c>int</c>) or a Windows HANDLE (<c>nint</c>).</summary>
    Descriptor,
    /// <summary>A Winsock SOCKET: closed with closesocket.</summary>
    Socket,
    /// <summary>A descriptor of msvcrt.dll's CRT: its handle found, and itself closed, with msvcrt's functions.</summary>
    MsvcrtDescriptor,
}

/// <summary>How a call becomes close-on-exec: the knowledge of its entry point, applied to this declaration.</summary>
/// <param name="Flag">The flag family whose value the call takes.</param>
/// <param name="Way">The atomic way this call's atomic path is.</param>
/// <param name="Placement">How the flag reaches the call: decides how the flag argument is written.</param>
/// <param name="FlagArgumentIndex">The native argument that takes the flag, -1 when none does.</param>
/// <param name="OutputArgumentIndex">The argument holding the pair or the msghdr, -1 for a return value.</param>
/// <param name="Upgrade">The atomic sibling a legacy call is replaced by, if any.</param>
/// <param name="PassThroughWhen">A condition over the native arguments under which the call is made as declared.</param>
/// <param name="Resource">What the returned descriptor is.</param>
/// <param name="Blocking">For a call that can block on a descriptor: how it waits without the fork lock.</param>
internal sealed record CallPlan(
    CloexecFlag Flag,
    AtomicWay Way,
    FlagPlacement Placement,
    int FlagArgumentIndex,
    DescriptorOutput Output,
    int OutputArgumentIndex,
    UpgradePlan? Upgrade,
    string? PassThroughWhen = null,
    NativeResource Resource = NativeResource.Descriptor,
    BlockingInfo? Blocking = null)
{
    /// <summary>The plan of a declaration that got no plan (a stub): nothing to do.</summary>
    public static CallPlan Nothing { get; } = new(CloexecFlag.None, AtomicWay.None, FlagPlacement.AfterCreation, -1, DescriptorOutput.ReturnValue, -1, null);

    /// <summary>Whether an atomic way exists at all; without one the wrapper always sets the flag after creation.</summary>
    public bool HasAtomicWay => Way != AtomicWay.None;
}

/// <summary>A legacy call replaced by its atomic sibling when close-on-exec is wanted.</summary>
/// <param name="EntryPoint">The sibling's native name.</param>
/// <param name="Arguments">The sibling's arguments: <c>{0}</c>... name the legacy call's native arguments.</param>
/// <param name="ArgumentTypes">The native type of each sibling argument.</param>
/// <param name="CallsFoundFunction">
/// Whether the sibling is its way's own function, which the runtime looks up once per process: it is then called at
/// the address found (<c>AtomicFunctions.Of</c>), never where the C library lacks it. Otherwise it gets an import.
/// </param>
/// <param name="VariadicFrom">The index of the sibling's first variadic argument (<c>open</c>'s mode), -1 when it has none.</param>
internal sealed record UpgradePlan(
    string EntryPoint,
    EquatableArray<string> Arguments,
    EquatableArray<string> ArgumentTypes,
    bool CallsFoundFunction = false,
    int VariadicFrom = -1);
