using System;
using System.Collections.Generic;

namespace Cloexec;

/// <summary>The descriptors a process start was about to hand to its child although nobody made them inheritable on purpose.</summary>
public sealed class UnexpectedInheritanceEventArgs : EventArgs
{
    internal UnexpectedInheritanceEventArgs(IReadOnlyList<InheritableDescriptor> descriptors) => Descriptors = descriptors;

    /// <summary>Each descriptor above 2 with what it refers to (a path, <c>pipe:[inode]</c>, <c>socket:[inode] inet 127.0.0.1:8080</c>...).</summary>
    public IReadOnlyList<InheritableDescriptor> Descriptors { get; }
}
