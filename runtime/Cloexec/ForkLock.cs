using System;
using System.Diagnostics;
using System.Threading;

namespace Cloexec;

/// <summary>
/// Closes the fallback path's race, as Go's <c>syscall.ForkLock</c> does: between creating a descriptor and
/// setting its close-on-exec flag, another thread's fork+exec would inherit it.
/// </summary>
/// <remarks>
/// Generated wrappers hold the shared side around create + set-flag whenever they take the fallback path;
/// code that starts processes takes the exclusive side, so that no fork happens inside that window.
/// Atomic paths (the flag inside the creating call) need no lock and never touch it.
/// </remarks>
public static class ForkLock
{
    // Go's sync.RWMutex, which syscall.ForkLock is: a reader costs one atomic add each way, and a waiting writer
    // turns new readers away, so a process start waits only for the wrappers already inside their window.
    // ReaderWriterLockSlim let eight busy fallback threads hold a writer off for hundreds of milliseconds.
    private const int MaxReaders = 1 << 30;

    /// <summary>Readers inside or waiting; <see cref="MaxReaders"/> less while a writer is waiting or inside.</summary>
    private static int s_readerCount;

    /// <summary>Readers a waiting writer still waits for.</summary>
    private static int s_readersToDepart;

    private static readonly SemaphoreSlim s_readerSemaphore = new(0);
    private static readonly SemaphoreSlim s_writerSemaphore = new(0);
    private static readonly object s_writers = new();

    /// <summary>The managed thread id of the writer inside, 0 when none: its own wrappers and nested scopes pass.</summary>
    private static volatile int s_writerThread;

    /// <summary>
    /// Holds off every fallback-path wrapper until disposed: start child processes inside it. A wrapper called on
    /// this thread inside the scope, or a nested scope, goes through without waiting.
    /// </summary>
    /// <example><code>using (ForkLock.Exclusive()) { process.Start(); }</code></example>
    public static Scope Exclusive()
    {
        int thread = Environment.CurrentManagedThreadId;
        if (s_writerThread == thread)
        {
            return new Scope(entered: false);
        }

        Monitor.Enter(s_writers);
        int inside = Interlocked.Add(ref s_readerCount, -MaxReaders) + MaxReaders;
        if (inside != 0 && Interlocked.Add(ref s_readersToDepart, inside) != 0)
        {
            s_writerSemaphore.Wait();
        }

        s_writerThread = thread;
        return new Scope(entered: true);
    }

    /// <summary><see cref="Process.Start(ProcessStartInfo)"/> under <see cref="Exclusive"/>.</summary>
    public static Process? Start(ProcessStartInfo startInfo)
    {
        using (Exclusive())
        {
            return Process.Start(startInfo);
        }
    }

    /// <summary>Starts <paramref name="process"/> under <see cref="Exclusive"/>.</summary>
    public static bool Start(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        using (Exclusive())
        {
            return process.Start();
        }
    }

    /// <summary>Enters the shared side; <see langword="false"/> (nothing to exit) on the thread inside <see cref="Exclusive"/>.</summary>
    internal static bool TryEnterShared()
    {
        if (s_writerThread == Environment.CurrentManagedThreadId)
        {
            return false;
        }

        if (Interlocked.Increment(ref s_readerCount) < 0)
        {
            s_readerSemaphore.Wait();
        }

        return true;
    }

    /// <summary>Whether a process start is waiting for the lock or holds it.</summary>
    internal static bool ExclusiveRequested => Volatile.Read(ref s_readerCount) < 0;

    internal static void ExitShared()
    {
        if (Interlocked.Decrement(ref s_readerCount) < 0 && Interlocked.Decrement(ref s_readersToDepart) == 0)
        {
            s_writerSemaphore.Release();
        }
    }

    private static void ExitExclusive()
    {
        s_writerThread = 0;
        int waiting = Interlocked.Add(ref s_readerCount, MaxReaders);
        if (waiting > 0)
        {
            s_readerSemaphore.Release(waiting);
        }

        Monitor.Exit(s_writers);
    }

    /// <summary>The held side of the lock; disposing it releases what it took, once.</summary>
    public struct Scope : IDisposable, IEquatable<Scope>
    {
        private bool _entered;

        internal Scope(bool entered) => _entered = entered;

        /// <summary>Releases the lock, on the thread that took it.</summary>
        /// <exception cref="SynchronizationLockException">Another thread disposes it (the scope crossed an await), or a copy already did.</exception>
        public void Dispose()
        {
            if (!_entered)
            {
                return;
            }

            _entered = false;
            if (s_writerThread != Environment.CurrentManagedThreadId)
            {
                throw new SynchronizationLockException("ForkLock.Exclusive() must be disposed once, on the thread that entered it: do not hold it across an await.");
            }

            ExitExclusive();
        }

        /// <inheritdoc/>
        public readonly bool Equals(Scope other) => _entered == other._entered;

        /// <inheritdoc/>
        public override readonly bool Equals(object? obj) => obj is Scope other && Equals(other);

        /// <inheritdoc/>
        public override readonly int GetHashCode() => _entered.GetHashCode();

        /// <summary>Compares two scopes.</summary>
        public static bool operator ==(Scope left, Scope right) => left.Equals(right);

        /// <summary>Compares two scopes.</summary>
        public static bool operator !=(Scope left, Scope right) => !left.Equals(right);
    }
}
