using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace Cloexec.Tests;

/// <summary>
/// Threads create descriptors through generated wrappers nearly as fast as they can while this thread starts
/// short-lived children and reads what each one holds; a few descriptors are made with <c>cloexec: false</c> on
/// purpose and kept open, so that every child also shows the harness that inheritance is there to see.
/// </summary>
/// <remarks>
/// Bounded by <see cref="Children"/>, not by time: the verdict does not depend on how fast the machine is.
/// </remarks>
internal sealed class LeakStress
{
    /// <summary>Kinds whose /proc target is unique (pipe:[inode], socket:[inode]): see <see cref="LeakVerdict"/>.</summary>
    private static readonly string[] s_inheritableFamilies = ["pipe", "socketpair", "socket"];

    private const int InheritableEvery = 16;
    private const int InheritablePerThread = 3;
    private static readonly TimeSpan s_startWithin = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private volatile bool _stop;
    private long _made;
    private Exception? _failure; // written under _gate

    /// <summary>The families every creator thread goes through, over and over, with the default.</summary>
    public required IReadOnlyList<string> FamilyNames { get; init; }

    /// <summary>How children start: <see cref="Process.Start(ProcessStartInfo)"/>, or under <see cref="ForkLock"/>.</summary>
    public required Func<ProcessStartInfo, Process?> StartChild { get; init; }

    public int Children { get; init; } = 200;

    public int CreatorThreads { get; init; } = 8;

    public LeakStressReport Run()
    {
        var clock = Stopwatch.StartNew();
        using var reader = new ChildDescriptors();
        Dictionary<int, string> baseline = reader.Read(StartChild);
        using var inheritable = new InheritableDescriptors();
        using var started = new CountdownEvent(CreatorThreads);
        Thread[] creators = [.. Enumerable.Range(0, CreatorThreads).Select(n => new Thread(() => Create(n, inheritable, started))
        {
            IsBackground = true,
            Name = "leak stress creator " + n.ToString(CultureInfo.InvariantCulture),
        })];
        var children = new List<ChildObservation>(Children);
        try
        {
            Array.ForEach(creators, t => t.Start());
            // Every thread is creating, and has made its first inheritable descriptors, before the first child.
            if (!started.Wait(s_startWithin))
            {
                throw new TimeoutException("the creator threads did not start");
            }

            for (int child = 0; child < Children && Volatile.Read(ref _failure) is null; child++)
            {
                int before = inheritable.Count;
                Dictionary<int, string> table = reader.Read(StartChild);
                children.Add(new ChildObservation(table, before));
            }
        }
        finally
        {
            _stop = true;
            Array.ForEach(creators, t => t.Join());
        }

        if (_failure is not null)
        {
            throw new InvalidOperationException("a creator thread failed", _failure);
        }

        List<(int Fd, string Target)> made = inheritable.Snapshot();
        return new LeakStressReport(
            LeakVerdict.Judge(baseline, made, children), children.Count, baseline.Count, Interlocked.Read(ref _made), made.Count, clock.Elapsed, reader.Starting);
    }

    private void Create(int thread, InheritableDescriptors inheritable, CountdownEvent started)
    {
        bool signalled = false;
        try
        {
            for (int iteration = 0; !_stop; iteration++)
            {
                int round = iteration / InheritableEvery;
                if (iteration % InheritableEvery == 0 && round < InheritablePerThread)
                {
                    inheritable.Add(Families.Create(s_inheritableFamilies[(thread + round) % s_inheritableFamilies.Length], cloexec: false));
                }

                foreach (string family in FamilyNames)
                {
                    using Created created = Families.Create(family, cloexec: null);
                    Interlocked.Add(ref _made, created.Descriptors.Length);
                }

                if (!signalled)
                {
                    started.Signal();
                    signalled = true;
                }
            }
        }
        catch (Exception failure)
        {
            lock (_gate)
            {
                _failure ??= failure;
            }

            _stop = true;
            if (!signalled)
            {
                started.Signal();
            }
        }
    }
}

/// <summary>What one stress run saw, and how long it took.</summary>
internal sealed record LeakStressReport(
    LeakVerdict Verdict, int Children, int Baseline, long DefaultDescriptors, int Inheritable, TimeSpan Duration, TimeSpan Starting)
{
    public string Summary =>
        string.Create(CultureInfo.InvariantCulture, $"""
            {Children} children in {Duration.TotalSeconds:F1} s (starting one took {Starting.TotalMilliseconds / (Children + 1):F1} ms on average), while {DefaultDescriptors} descriptors were made by default
            {Baseline} inheritable descriptors of the test host itself (the baseline child's); {Inheritable} made with cloexec: false: found {Verdict.InheritableFound} times where expected, missing {Verdict.Missing.Count} times
            leaked: {Verdict.Leaked.Count} descriptors in {Verdict.ChildrenWithLeaks} children{(Verdict.Leaked.Count > 0 ? " (" + Verdict.LeakedKinds() + ")" : string.Empty)}
            """);
}
