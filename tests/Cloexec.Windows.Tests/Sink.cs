using System;

namespace Cloexec.Windows.Tests;

/// <summary>
/// One handle made by a creator under test, and a way to see what was written through it: a child proves it inherited
/// the handle by writing a marker that arrives here. A handle value that happens to be valid in the child for some
/// other object writes elsewhere, so only a marker that arrives counts.
/// </summary>
internal sealed class Sink(nint writer, bool isSocket, Func<string> received, Action dispose) : IDisposable
{
    private bool _disposed;

    /// <summary>The handle made by the creator: the one whose inheritance is checked, and the one the child writes to.</summary>
    public nint Writer { get; } = writer;

    /// <summary>Whether the child writes with send (a Winsock SOCKET) rather than WriteFile.</summary>
    public bool IsSocket { get; } = isSocket;

    /// <summary>Everything that arrived so far.</summary>
    public string Received() => received();

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            dispose();
        }
    }
}
