using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Cloexec;

/// <summary>
/// The descriptors this library made inheritable because a caller asked (<c>cloexec: false</c>, <see cref="FileDescriptor.SetCloexec(int, bool)"/>
/// with <see langword="false"/>, <see cref="InheritanceGuard.Allow(int)"/>): the guard does not report them. Kept only
/// while the guard is on.
/// </summary>
/// <remarks>
/// A descriptor is remembered with what it referred to then, so that a number closed and reused for something else is
/// reported again. A wrapper that creates without the flag (the atomic path of <c>cloexec: false</c>) never sees the
/// number before it returns it: the descriptors that became inheritable during the call, on that thread's watch, are
/// the ones it made (another thread creating an inheritable descriptor at that very moment is excused with it).
/// </remarks>
internal static class InheritanceIntent
{
    private static readonly ConcurrentDictionary<int, string?> s_allowed = new();

    [ThreadStatic]
    private static HashSet<int>? t_beforeCall;

    /// <summary>Called where a descriptor's close-on-exec flag was cleared on request.</summary>
    internal static void Record(int fd)
    {
        s_allowed[fd] = DescriptorTargets.Describe(fd);
        t_beforeCall = null; // the wrapper that cleared it knew the number: no diff is needed after its call
    }

    internal static bool IsAllowed(InheritableDescriptor descriptor) =>
        s_allowed.TryGetValue(descriptor.Descriptor, out string? target) && target == descriptor.Target;

    /// <summary>Before a wrapper call with <c>cloexec: false</c>: what is inheritable already.</summary>
    internal static void BeginInheritableCall() =>
        t_beforeCall = [.. InheritableNumbers()];

    /// <summary>After the wrapper call: what became inheritable since was made so on request.</summary>
    internal static void EndCall()
    {
        if (t_beforeCall is not { } before)
        {
            return;
        }

        t_beforeCall = null;
        foreach (int fd in InheritableNumbers().Where(fd => !before.Contains(fd)))
        {
            Record(fd);
        }
    }

    private static IEnumerable<int> InheritableNumbers() =>
        OperatingSystem.IsWindows() ? [] : FileDescriptor.ListInheritable().Select(d => d.Descriptor);
}
