using System;
using System.Collections.Generic;
using System.Linq;

namespace Cloexec;

/// <summary>
/// At each <see cref="ForkLock"/> start, what the child is about to inherit that nobody made inheritable on purpose:
/// descriptors above 2 without close-on-exec, from a package's raw import, native code, anything. Opt-in: see
/// <see cref="Mode"/>. Linux, macOS and FreeBSD; on Windows the guard has nothing to list and stays silent.
/// </summary>
/// <remarks>
/// Made inheritable on purpose: by a generated wrapper called with <c>cloexec: false</c>, by
/// <see cref="FileDescriptor.SetCloexec(int, bool)"/> with <see langword="false"/>, or through <see cref="Allow(int)"/>.
/// Descriptors handed down by this process's own parent count as unexpected too: sweep them with
/// <see cref="FileDescriptor.SetCloexecOnAll"/>, or allow the ones meant to go on.
/// </remarks>
public static class InheritanceGuard
{
    /// <summary>
    /// The mode for this process, read once: environment variable <c>CLOEXEC_GUARD</c> (<c>1</c>, <c>strict</c>,
    /// <c>0</c>), else the AppContext switches <c>Cloexec.InheritanceGuard</c> and <c>Cloexec.InheritanceGuardStrict</c>
    /// (<c>&lt;RuntimeHostConfigurationOption&gt;</c> in the project file).
    /// </summary>
    public static InheritanceGuardMode Mode => GuardSettings.Mode;

    /// <summary>Raised on the starting thread, before the start, when the guard found descriptors to report.</summary>
    public static event EventHandler<UnexpectedInheritanceEventArgs>? UnexpectedInheritance;

    /// <summary>
    /// The descriptors a child started now would inherit that nobody made inheritable on purpose, with their targets
    /// (a socket's address appended). Works whatever the mode; empty on Windows.
    /// </summary>
    public static IReadOnlyList<InheritableDescriptor> FindUnexpected()
    {
        if (OperatingSystem.IsWindows())
        {
            return [];
        }

        const int LastStandardDescriptor = 2;
        return FileDescriptor.ListInheritable()
            .Where(d => d.Descriptor > LastStandardDescriptor && !InheritanceIntent.IsAllowed(d))
            .Select(DescriptorTargets.WithAddress)
            .ToList();
    }

    /// <summary>Marks <paramref name="fd"/>, as it is now, as meant for children: the guard stops reporting it.</summary>
    public static void Allow(int fd) => InheritanceIntent.Record(fd);

    /// <summary>Called by <see cref="ForkLock.Exclusive"/> with the lock held, when the guard is on.</summary>
    internal static void BeforeStart(InheritanceGuardMode mode)
    {
        IReadOnlyList<InheritableDescriptor> unexpected = FindUnexpected();
        if (unexpected.Count == 0)
        {
            return;
        }

        foreach (InheritableDescriptor descriptor in unexpected)
        {
            GuardEventSource.Log.UnexpectedInheritance(descriptor.Descriptor, descriptor.Target ?? "?");
        }

        UnexpectedInheritance?.Invoke(null, new UnexpectedInheritanceEventArgs(unexpected));
        if (mode == InheritanceGuardMode.Strict)
        {
            throw new UnexpectedInheritanceException(unexpected);
        }
    }
}
