using System;
using System.Collections.Generic;
using System.Linq;

namespace Cloexec;

/// <summary>
/// Thrown by <see cref="ForkLock.Start(System.Diagnostics.ProcessStartInfo)"/> and <see cref="ForkLock.Exclusive"/> in
/// <see cref="InheritanceGuardMode.Strict"/> mode, before the child starts, naming what it would have inherited.
/// </summary>
public sealed class UnexpectedInheritanceException : InvalidOperationException
{
    /// <summary>Creates the exception without descriptors.</summary>
    public UnexpectedInheritanceException()
        : this("A child process would inherit descriptors nobody made inheritable on purpose.")
    {
    }

    /// <summary>Creates the exception with a message and no descriptors.</summary>
    public UnexpectedInheritanceException(string message)
        : base(message) => Descriptors = [];

    /// <summary>Creates the exception with a message, no descriptors and the exception behind it.</summary>
    public UnexpectedInheritanceException(string message, Exception innerException)
        : base(message, innerException) => Descriptors = [];

    internal UnexpectedInheritanceException(IReadOnlyList<InheritableDescriptor> descriptors)
        : base("A child process would inherit descriptors nobody made inheritable on purpose: " + string.Join(", ", descriptors.Select(d => d.ToString()))
            + ". Create them close-on-exec ([CreatesDescriptor], O_CLOEXEC...), call FileDescriptor.SetCloexecOnAll() before the start, or mark the ones meant for the child with InheritanceGuard.Allow.")
        => Descriptors = descriptors;

    /// <summary>The descriptors the child would have inherited.</summary>
    public IReadOnlyList<InheritableDescriptor> Descriptors { get; }
}
