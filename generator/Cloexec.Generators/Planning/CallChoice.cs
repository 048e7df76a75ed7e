using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Planning;

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

/// <summary>
/// How a call becomes close-on-exec, in the knowledge table's terms: its entry point's row applied to this declaration.
/// Only the planners see it; <see cref="CallPlanWriter"/> turns it into the model's <see cref="CallPlan"/>.
/// </summary>
/// <param name="Flag">The flag family whose value the call takes.</param>
/// <param name="Way">The atomic way this call's atomic path is.</param>
/// <param name="Placement">How the flag reaches the call.</param>
/// <param name="FlagArgumentIndex">The native argument that takes the flag, -1 when none does.</param>
/// <param name="OutputArgumentIndex">The argument holding the pair or the msghdr, -1 for a return value.</param>
/// <param name="Sibling">The atomic sibling a legacy call is replaced by, if any.</param>
/// <param name="PassThroughWhen">A condition template over the native arguments under which the call is made as declared.</param>
/// <param name="Resource">What the returned descriptor is.</param>
/// <param name="Blocking">For a call that can block on a descriptor: how it waits without the fork lock.</param>
internal sealed record CallChoice(
    CloexecFlag Flag,
    AtomicWay Way,
    FlagPlacement Placement,
    int FlagArgumentIndex,
    DescriptorOutput Output,
    int OutputArgumentIndex,
    SiblingInfo? Sibling,
    string? PassThroughWhen,
    NativeResource Resource,
    BlockingInfo? Blocking = null);
