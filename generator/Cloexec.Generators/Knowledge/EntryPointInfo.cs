using System.Collections.Generic;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Knowledge;

// Its own file: the analyzer compiles it in beside EntryPointTable.cs, CloexecFlag.cs and AtomicWay.cs.

/// <summary>How a call is told to make its new descriptors close-on-exec: each placement has its own planner.</summary>
internal enum FlagPlacement
{
    /// <summary>The call has no way: the wrapper sets the flag right after creation.</summary>
    AfterCreation,
    /// <summary>A bit or-ed into an int, uint or enum argument.</summary>
    Bits,
    /// <summary>
    /// A bit or-ed into a C <c>unsigned long</c> argument (perf_event_open's flags): nint, nuint, long and ulong fit
    /// as well as the 32-bit types, so that a declaration can give the argument its real width.
    /// </summary>
    WideBits,
    /// <summary>A field of a struct the call reads through a pointer (SECURITY_ATTRIBUTES): the wrapper passes its own copy.</summary>
    StructCopy,
    /// <summary>A BOOL argument that is TRUE for an inheritable handle.</summary>
    InheritBool,
    /// <summary>
    /// A SECURITY_ATTRIBUTES pointer inside a struct the call reads through a pointer (CreateFile2's
    /// CREATEFILE2_EXTENDED_PARAMETERS): the wrapper passes its own copy of the outer struct, pointing to its own copy
    /// of the inner one.
    /// </summary>
    NestedStructCopy,
    /// <summary>A legacy call without a flag: its atomic sibling is called instead.</summary>
    Sibling,
    /// <summary>
    /// The call always makes its descriptors close-on-exec: nothing is added, and <c>cloexec: false</c> clears the
    /// flag after creation.
    /// </summary>
    AlwaysCloexec,
    /// <summary>A letter in a stdio mode string (<c>e</c>): the wrapper passes its own copy of the mode.</summary>
    ModeString,
}

/// <summary>What the generator knows about one descriptor-creating native function.</summary>
/// <param name="Flag">The flag family the call takes.</param>
/// <param name="Way">The atomic way of the call, <see cref="AtomicWay.None"/> when it has none.</param>
/// <param name="Placement">How the flag reaches the call.</param>
/// <param name="FlagArgument">The argument that takes the flag, -1 when none does.</param>
/// <param name="OutputArgument">The argument holding a descriptor pair or msghdr, -1 for a return value.</param>
/// <param name="Sibling">For a legacy call: the atomic call that replaces it.</param>
/// <param name="PassThroughWhen">
/// A condition over the arguments (<c>{0}</c>...) under which the call creates no new descriptor, or must keep its
/// own error: it is then made exactly as declared, and no flag is set afterwards.
/// </param>
/// <param name="Platform">The platform whose libraries export the function under this name.</param>
/// <param name="Blocking">For a call that can block on a descriptor: how it waits without holding the fork lock.</param>
internal sealed record EntryPointInfo(
    string Name,
    NativePlatform Platform,
    CloexecFlag Flag,
    AtomicWay Way,
    FlagPlacement Placement,
    int FlagArgument,
    DescriptorOutput Output,
    int OutputArgument,
    SiblingInfo? Sibling,
    string? PassThroughWhen,
    BlockingInfo? Blocking = null);

/// <summary>How a creating call that can block waits for its descriptor with the fork lock let go.</summary>
internal enum WaitShape
{
    /// <summary>The call takes MSG_DONTWAIT in its flags argument: made without blocking, waited on and made again.</summary>
    DontWaitFlag,
    /// <summary>The call cannot be told not to block (accept): the descriptor is waited on first.</summary>
    ReadableFirst,
}

/// <summary>A call that can block on <paramref name="DescriptorArgument"/> (a listening or receiving socket).</summary>
internal sealed record BlockingInfo(int DescriptorArgument, WaitShape Shape);

/// <summary>
/// The atomic sibling of a legacy call. Arguments are C# templates: <c>{0}</c>... are the legacy call's
/// arguments, <c>{flag}</c> the flag's runtime value, <c>{CloexecFlagValues.Name}</c> the runtime's constants.
/// </summary>
internal sealed record SiblingInfo(string EntryPoint, IReadOnlyList<string> Arguments);
