using System;
using System.Linq;
using System.Threading;
using Xunit;

namespace Cloexec.Tests;

/// <summary>The lock's own rules, each step bounded in time so that a broken lock fails instead of hanging.</summary>
public sealed class ForkLockTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_settle = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void A_process_start_waits_for_the_wrappers_inside_their_window()
    {
        using var readerInside = new ManualResetEventSlim();
        using var releaseReader = new ManualResetEventSlim();
        Thread reader = InWindow(readerInside, releaseReader);
        Assert.True(readerInside.Wait(s_patience, TestContext.Current.CancellationToken));

        Thread writer = Start(() => ForkLock.Exclusive().Dispose());

        Assert.False(writer.Join(s_settle), "the writer got in while a reader was inside");
        releaseReader.Set();
        Assert.True(writer.Join(s_patience), "the writer never got in");
        Assert.True(reader.Join(s_patience));
        Assert.Empty(_failures);
    }

    [Fact]
    public void A_waiting_process_start_turns_new_wrappers_away_until_it_is_done()
    {
        using var firstInside = new ManualResetEventSlim();
        using var releaseFirst = new ManualResetEventSlim();
        using var writerInside = new ManualResetEventSlim();
        using var releaseWriter = new ManualResetEventSlim();
        Thread first = InWindow(firstInside, releaseFirst);
        Assert.True(firstInside.Wait(s_patience, TestContext.Current.CancellationToken));
        Thread writer = Starting(writerInside, releaseWriter);
        Assert.True(SpinWait.SpinUntil(() => ForkLock.ExclusiveRequested, s_patience), "the writer never asked for the lock");

        Thread second = Start(() =>
        {
            Assert.True(ForkLock.TryEnterShared());
            ForkLock.ExitShared();
        });

        Assert.False(second.Join(s_settle), "a new reader passed a waiting writer");
        releaseFirst.Set();
        Assert.True(writerInside.Wait(s_patience, TestContext.Current.CancellationToken), "the writer never got in");
        Assert.False(second.Join(s_settle), "a reader got in beside the writer");
        releaseWriter.Set();
        Assert.True(second.Join(s_patience), "the reader never got in after the writer left");
        Assert.True(first.Join(s_patience) && writer.Join(s_patience));
        Assert.Empty(_failures);
    }

    [Fact]
    public void The_thread_inside_Exclusive_creates_descriptors_and_nests_scopes_without_waiting()
    {
        using var state = new RuntimeState(forceFallback: true);
        Thread inside = Start(() =>
        {
            using (ForkLock.Exclusive())
            {
                using (ForkLock.Exclusive())
                {
                    Assert.False(ForkLock.TryEnterShared());
                }

                using Created created = Families.Create("pipe", cloexec: null);
                Assert.All(created.Descriptors, fd => Assert.True(Linux.HasCloexec(fd)));
            }
        });
        Assert.True(inside.Join(s_patience), "the thread inside Exclusive waited for itself");

        Thread other = Start(() => ForkLock.Exclusive().Dispose());
        Assert.True(other.Join(s_patience), "the outer scope did not release the lock");
        Assert.Empty(_failures);
    }

    [Fact]
    public void Process_starts_on_different_threads_hold_the_lock_together()
    {
        using var firstInside = new ManualResetEventSlim();
        using var releaseFirst = new ManualResetEventSlim();
        Thread first = Starting(firstInside, releaseFirst);
        Assert.True(firstInside.Wait(s_patience, TestContext.Current.CancellationToken));

        int startsInside = -1;
        Thread second = Start(() =>
        {
            using ForkLock.Scope scope = ForkLock.Exclusive();
            startsInside = ForkLock.StartsInside;
        });

        // Bounded only so that a broken lock fails instead of hanging: the second start does not wait for the first.
        Assert.True(second.Join(s_patience), "a start waited for another start");
        Assert.Equal(2, startsInside);
        Assert.True(first.IsAlive, "the first start left before the second one came in");
        releaseFirst.Set();
        Assert.True(first.Join(s_patience));
        Assert.Equal(0, ForkLock.StartsInside);
        Assert.Empty(_failures);
    }

    [Fact]
    public void A_start_that_finds_wrappers_waiting_lets_them_in_before_it_joins()
    {
        using var firstInside = new ManualResetEventSlim();
        using var releaseFirst = new ManualResetEventSlim();
        using var readerInside = new ManualResetEventSlim();
        using var releaseReader = new ManualResetEventSlim();
        Thread first = Starting(firstInside, releaseFirst);
        Assert.True(firstInside.Wait(s_patience, TestContext.Current.CancellationToken));
        Thread reader = InWindow(readerInside, releaseReader);
        Assert.True(SpinWait.SpinUntil(ReaderIsWaiting, s_patience), "the reader never queued");

        Thread second = Start(() => ForkLock.Exclusive().Dispose());

        Assert.False(second.Join(s_settle), "a start joined while a wrapper had been waiting for the group");
        Assert.False(readerInside.IsSet, "the wrapper got in beside a start");
        releaseFirst.Set();
        Assert.True(readerInside.Wait(s_patience, TestContext.Current.CancellationToken), "the wrapper never got in after the first start left");
        Assert.False(second.Join(s_settle), "the second start got in beside the wrapper");
        releaseReader.Set();
        Assert.True(second.Join(s_patience), "the second start never got in");
        Assert.True(first.Join(s_patience) && reader.Join(s_patience));
        Assert.Empty(_failures);
    }

    [Fact]
    public void Starts_that_waited_for_wrappers_then_hold_the_lock_together()
    {
        using var firstInside = new ManualResetEventSlim();
        using var releaseFirst = new ManualResetEventSlim();
        using var readerInside = new ManualResetEventSlim();
        using var releaseReader = new ManualResetEventSlim();
        using var releaseLater = new ManualResetEventSlim();
        Thread first = Starting(firstInside, releaseFirst);
        Assert.True(firstInside.Wait(s_patience, TestContext.Current.CancellationToken));
        Thread reader = InWindow(readerInside, releaseReader);
        Assert.True(SpinWait.SpinUntil(ReaderIsWaiting, s_patience), "the reader never queued");
        Thread[] later = [.. Enumerable.Range(0, 2).Select(_ => Start(() =>
        {
            using ForkLock.Scope scope = ForkLock.Exclusive();
            releaseLater.Wait(s_patience);
        }))];
        Assert.False(SpinWait.SpinUntil(() => ForkLock.StartsInside > 1, s_settle), "a later start joined while the reader waited");

        releaseFirst.Set();
        Assert.True(readerInside.Wait(s_patience, TestContext.Current.CancellationToken), "the reader never got in between the groups");
        releaseReader.Set();

        Assert.True(SpinWait.SpinUntil(() => ForkLock.StartsInside == 2, s_patience), "the two starts that waited did not form one group");
        releaseLater.Set();
        Assert.All(later, t => Assert.True(t.Join(s_patience)));
        Assert.True(first.Join(s_patience) && reader.Join(s_patience));
        Assert.Empty(_failures);
    }

    [Fact]
    public void A_scope_disposed_on_another_thread_is_refused_and_the_lock_stays_usable()
    {
        ForkLock.Scope scope = ForkLock.Exclusive();
        ForkLock.Scope copy = scope;
        Exception? refused = null;
        Thread other = Start(() => refused = Record.Exception(() => copy.Dispose()));
        Assert.True(other.Join(s_patience));
        Assert.IsType<SynchronizationLockException>(refused);
        scope.Dispose();
        Assert.Equal(0, ForkLock.StartsInside);
        Assert.Empty(_failures);
    }

    /// <summary>A reader waits once the starts hold the write side and the reader count went above its floor.</summary>
    private static bool ReaderIsWaiting() => ForkLock.ExclusiveRequested && ForkLock.CreatorsWaitingForTests;

    /// <summary>A wrapper inside its window (the creators' side) from <paramref name="inside"/> until <paramref name="release"/>.</summary>
    private Thread InWindow(ManualResetEventSlim inside, ManualResetEventSlim release) => Start(() =>
    {
        Assert.True(ForkLock.TryEnterShared());
        inside.Set();
        release.Wait(s_patience);
        ForkLock.ExitShared();
    });

    /// <summary>A process start holding the starters' side from <paramref name="inside"/> until <paramref name="release"/>.</summary>
    private Thread Starting(ManualResetEventSlim inside, ManualResetEventSlim release) => Start(() =>
    {
        using ForkLock.Scope scope = ForkLock.Exclusive();
        inside.Set();
        release.Wait(s_patience);
    });

    /// <summary>A thread of its own: the lock belongs to threads, not tasks. What fails on it lands in <see cref="_failures"/>.</summary>
    private Thread Start(Action body)
    {
        var thread = new Thread(() =>
        {
            try
            {
                body();
            }
            catch (Exception failure)
            {
                _failures.Enqueue(failure);
            }
        }) { IsBackground = true };
        thread.Start();
        return thread;
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<Exception> _failures = new();
}
