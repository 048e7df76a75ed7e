using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Cloexec.Tests;

/// <summary>
/// Descriptors made with <c>cloexec: false</c> on purpose while children start, kept open until disposed, in the
/// order they were made: every child started after one was added must hold it, same number, same /proc target.
/// </summary>
internal sealed class InheritableDescriptors : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Created> _made = [];
    private readonly List<(int Fd, string Target)> _descriptors = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _descriptors.Count;
            }
        }
    }

    /// <summary>Takes ownership of <paramref name="created"/>; its descriptors count from now on.</summary>
    public void Add(Created created)
    {
        ArgumentNullException.ThrowIfNull(created);
        var described = created.Descriptors.Select(fd => (fd, Linux.Target(Environment.ProcessId, fd))).ToList();
        lock (_gate)
        {
            _made.Add(created);
            _descriptors.AddRange(described);
        }
    }

    public List<(int Fd, string Target)> Snapshot()
    {
        lock (_gate)
        {
            return [.. _descriptors];
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _made.ForEach(m => m.Dispose());
            _made.Clear();
            _descriptors.Clear();
        }
    }
}
