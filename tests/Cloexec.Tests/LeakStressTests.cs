using System.Diagnostics;
using System.Linq;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// Eight threads create descriptors of every family while 200 children start: on the atomic path no child may
/// inherit one made by default, with no lock at all.
/// </summary>
public sealed class LeakStressTests(ITestOutputHelper output)
{
    [Fact]
    public void On_the_atomic_path_no_child_inherits_a_descriptor_made_by_default_while_threads_create_them()
    {
        using var state = new RuntimeState();
        var stress = new LeakStress
        {
            // The set-after-creation families have no atomic way: only ForkLock protects them (ForkLockStressTests).
            FamilyNames = [.. Families.Names.Except(Families.SetAfterCreationOnly)],
            StartChild = Process.Start,
        };

        LeakStressReport report = stress.Run();

        output.WriteLine(report.Summary);
        StressAssert.TheHarnessSawInheritance(report);
        Assert.True(report.Verdict.Leaked.Count == 0, "leaked:\n" + string.Join('\n', report.Verdict.Leaked.Take(20)));
    }

    [Fact]
    public void The_verdict_counts_an_inheritable_descriptor_nobody_declared_as_a_leak()
    {
        var baseline = ChildDescriptors.ReadOne(Process.Start);
        using Created undeclared = Families.Create("pipe", cloexec: false);
        using var declared = new InheritableDescriptors();
        declared.Add(Families.Create("socketpair", cloexec: false));
        var child = new ChildObservation(ChildDescriptors.ReadOne(Process.Start), declared.Count);

        LeakVerdict verdict = LeakVerdict.Judge(baseline, declared.Snapshot(), [child]);

        Assert.Equal(undeclared.Descriptors.Order(), verdict.Leaked.Select(l => l.Fd).Order());
        Assert.Equal(2, verdict.InheritableFound);
        Assert.Empty(verdict.Missing);
    }
}
