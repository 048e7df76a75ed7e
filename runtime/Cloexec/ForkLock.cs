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
    // Recursion allowed: a wrapper called while this thread holds Exclusive() must not deadlock or throw.
    private static readonly ReaderWriterLockSlim s_lock = new(LockRecursionPolicy.SupportsRecursion);

    /// <summary>
    /// Holds off every fallback-path wrapper until disposed: start child processes inside it.
    /// </summary>
    /// <example><code>using (ForkLock.Exclusive()) { process.Start(); }</code></example>
    public static Scope Exclusive()
    {
        s_lock.EnterWriteLock();
        return new Scope(exclusive: true);
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

    internal static void EnterShared() => s_lock.EnterReadLock();

    internal static void ExitShared() => s_lock.ExitReadLock();

    /// <summary>The held side of the lock; disposing it releases that side once.</summary>
    public readonly struct Scope : IDisposable, IEquatable<Scope>
    {
        private readonly bool _exclusive;

        internal Scope(bool exclusive) => _exclusive = exclusive;

        /// <summary>Releases the lock.</summary>
        public void Dispose()
        {
            if (_exclusive && s_lock.IsWriteLockHeld)
            {
                s_lock.ExitWriteLock();
            }
        }

        /// <inheritdoc/>
        public bool Equals(Scope other) => _exclusive == other._exclusive;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Scope other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => _exclusive.GetHashCode();

        /// <summary>Compares two scopes.</summary>
        public static bool operator ==(Scope left, Scope right) => left.Equals(right);

        /// <summary>Compares two scopes.</summary>
        public static bool operator !=(Scope left, Scope right) => !left.Equals(right);
    }
}
