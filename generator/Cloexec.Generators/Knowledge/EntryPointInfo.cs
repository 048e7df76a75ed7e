using System.Collections.Generic;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Knowledge;

// Its own file: the analyzer compiles it in beside EntryPointTable.cs.

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
