using System.Diagnostics;
using System.Linq;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// The same stress with the fallback forced: a descriptor exists without its flag between the creating call and
/// ioctl(FIOCLEX). Children started under <see cref="ForkLock"/> never see that window; children started without
/// it may, which is why the lock exists.
/// </summary>
public sealed class ForkLockStressTests(ITestOutputHelper output)
{
    /// <summary>Cheap families (no temporary files, no pseudo-terminals), and the two with no atomic way at all.</summary>
    private static readonly string[] s_families =
    [
        "open", "open (SafeHandle)", "pipe", "pipe2", "socket", "socketpair", "dup", "dup3", "accept", "accept4",
        "epoll_create1", "eventfd", "inotify_init1", "memfd_create", "timerfd_create", "signalfd", "recvmsg (SCM_RIGHTS)",
        "fcntl F_DUPFD (Flag = None)", "pipe (Wraps)",
    ];

    [Fact]
    public void With_the_fallback_forced_children_started_under_ForkLock_inherit_no_descriptor_made_by_default()
    {
        using var state = new RuntimeState(forceFallback: true);

        LeakStressReport report = new LeakStress { FamilyNames = s_families, StartChild = ForkLock.Start }.Run();

        output.WriteLine(report.Summary);
        StressAssert.TheHarnessSawInheritance(report);
        Assert.True(report.Verdict.Leaked.Count == 0, "leaked:\n" + string.Join('\n', report.Verdict.Leaked.Take(20)));
    }

    [Fact]
    public void With_the_fallback_forced_children_started_without_ForkLock_show_why_it_exists()
    {
        using var state = new RuntimeState(forceFallback: true);

        LeakStressReport report = new LeakStress { FamilyNames = s_families, StartChild = Process.Start }.Run();

        // Leaks here depend on scheduling: reported, never asserted.
        output.WriteLine(report.Summary);
        StressAssert.TheHarnessSawInheritance(report);
    }
}
