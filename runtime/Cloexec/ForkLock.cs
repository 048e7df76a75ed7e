using System;
using System.Diagnostics;
using System.Threading;

namespace Cloexec;

/// <summary>
/// Closes the fallback path's race, as Go's <c>syscall.ForkLock</c> does: between creating a descriptor and
/// setting its close-on-exec flag, another thread's fork+exec would inherit it.
/// </summary>
/// <remarks>
/// Two sides, each shared within itself and exclusive of the other. Generated wrappers on the fallback path hold
/// the creators' side around create + set-flag; process starts hold the starters' side, so no fork happens inside a
/// creator's window, while any number of starts overlap. No wrapper holds its side while it waits for a peer or a
/// connection: a call that can block first waits for its descriptor to be ready, without the lock. Atomic paths
/// (the flag inside the creating call) need no lock and never touch it.
/// </remarks>
public static class ForkLock
{
    // The creators' side is Go's sync.RWMutex read side: a wrapper costs one atomic add each way, and a waiting
    // start turns new wrappers away, so it waits only for the wrappers already inside their window. Starts share
    // the write side by counting, as Go does where it has pipe2: the first start of a group takes it, the last one
    // gives it back. A start that finds creators waiting lets the group end first, so that creators are not starved;
    // every start that waited so joins the next group together, so that starts are not serialized either.
    private const int MaxReaders = 1 << 30;

    /// <summary>Creators inside or waiting; <see cref="MaxReaders"/> less while starts wait for the lock or hold it.</summary>
    private static int s_readerCount;

    /// <summary>Creators a waiting start still waits for.</summary>
    private static int s_readersToDepart;

    private static readonly SemaphoreSlim s_readerSemaphore = new(0);
    private static readonly SemaphoreSlim s_writerSemaphore = new(0);

    /// <summary>Guards <see cref="s_starting"/>; starts that must let creators in first wait on it.</summary>
    private static readonly object s_starters = new();

    /// <summary>Scopes of the starters' side now held, on all threads (under <see cref="s_starters"/>).</summary>
    private static int s_starting;

    /// <summary>Groups of starts that have ended (under <see cref="s_starters"/>): a start waits for the next one.</summary>
    private static int s_groupsEnded;

    /// <summary>Whether this thread holds the starters' side: its own wrappers and nested scopes pass.</summary>
    [ThreadStatic]
    private static bool t_starting;

    /// <summary>
    /// Holds off every fallback-path wrapper until disposed: start child processes inside it. Scopes on other threads
    /// overlap with this one (starts do not wait for each other). A wrapper called on this thread inside the scope,
    /// or a nested scope, goes through without waiting.
    /// </summary>
    /// <example><code>using (ForkLock.Exclusive()) { process.Start(); }</code></example>
    public static Scope Exclusive()
    {
        if (t_starting)
        {
            return new Scope(entered: false);
        }

        lock (s_starters)
        {
            if (s_starting > 0 && CreatorsWaiting)
            {
                // Joining would keep the waiting creators out for as long as starts keep overlapping. Once this group
                // ends and they have had their turn, this start joins the next group whatever waits then.
                int group = s_groupsEnded;
                while (s_groupsEnded == group)
                {
                    Monitor.Wait(s_starters);
                }
            }

            if (s_starting == 0)
            {
                EnterWriteSide();
            }

            s_starting++;
        }

        t_starting = true;
        if (GuardSettings.IsOn)
        {
            GuardBeforeStart();
        }

        return new Scope(entered: true);
    }

    /// <summary>The inheritance guard's look, with the lock held; a strict refusal lets the lock go before it throws.</summary>
    private static void GuardBeforeStart()
    {
        try
        {
            InheritanceGuard.BeforeStart(GuardSettings.Mode);
        }
        catch (UnexpectedInheritanceException)
        {
            ExitStarting();
            throw;
        }
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

    /// <summary>Enters the creators' side; <see langword="false"/> (nothing to exit) on a thread inside <see cref="Exclusive"/>.</summary>
    internal static bool TryEnterShared()
    {
        if (t_starting)
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

    /// <summary>How many process-start scopes are held now, on all threads.</summary>
    internal static int StartsInside
    {
        get
        {
            lock (s_starters)
            {
                return s_starting;
            }
        }
    }

    internal static void ExitShared()
    {
        if (Interlocked.Decrement(ref s_readerCount) < 0 && Interlocked.Decrement(ref s_readersToDepart) == 0)
        {
            s_writerSemaphore.Release();
        }
    }

    /// <summary><see cref="CreatorsWaiting"/> for tests: meaningful while starts hold the lock.</summary>
    internal static bool CreatorsWaitingForTests => CreatorsWaiting;

    /// <summary>While starts hold the write side, every creator that arrived is counted and waiting.</summary>
    private static bool CreatorsWaiting => Volatile.Read(ref s_readerCount) + MaxReaders > 0;

    private static void EnterWriteSide()
    {
        int inside = Interlocked.Add(ref s_readerCount, -MaxReaders) + MaxReaders;
        if (inside != 0 && Interlocked.Add(ref s_readersToDepart, inside) != 0)
        {
            s_writerSemaphore.Wait();
        }
    }

    private static void ExitStarting()
    {
        t_starting = false;
        lock (s_starters)
        {
            if (--s_starting > 0)
            {
                return;
            }

            int waiting = Interlocked.Add(ref s_readerCount, MaxReaders);
            if (waiting > 0)
            {
                s_readerSemaphore.Release(waiting);
            }

            s_groupsEnded++;
            Monitor.PulseAll(s_starters);
        }
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
            if (!t_starting)
            {
                throw new SynchronizationLockException("ForkLock.Exclusive() must be disposed once, on the thread that entered it: do not hold it across an await.");
            }

            ExitStarting();
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
