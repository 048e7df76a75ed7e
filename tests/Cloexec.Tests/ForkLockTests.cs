using System;
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
        Thread reader = Start(() =>
        {
            Assert.True(ForkLock.TryEnterShared());
            readerInside.Set();
            releaseReader.Wait(s_patience);
            ForkLock.ExitShared();
        });
        Assert.True(readerInside.Wait(s_patience));

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
        Thread first = Start(() =>
        {
            Assert.True(ForkLock.TryEnterShared());
            firstInside.Set();
            releaseFirst.Wait(s_patience);
            ForkLock.ExitShared();
        });
        Assert.True(firstInside.Wait(s_patience));
        Thread writer = Start(() =>
        {
            using ForkLock.Scope scope = ForkLock.Exclusive();
            writerInside.Set();
            releaseWriter.Wait(s_patience);
        });
        Assert.True(SpinWait.SpinUntil(() => ForkLock.ExclusiveRequested, s_patience), "the writer never asked for the lock");

        Thread second = Start(() =>
        {
            Assert.True(ForkLock.TryEnterShared());
            ForkLock.ExitShared();
        });

        Assert.False(second.Join(s_settle), "a new reader passed a waiting writer");
        releaseFirst.Set();
        Assert.True(writerInside.Wait(s_patience), "the writer never got in");
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
