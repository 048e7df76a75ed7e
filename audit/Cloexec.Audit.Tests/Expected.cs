using System.Collections.Generic;
using System.Linq;
using Cloexec.Audit.Judging;
using Xunit;

namespace Cloexec.Audit.Tests;

/// <summary>One finding as a test writes it down: what the call does, which creator, and where (the calling method, or the public import).</summary>
internal sealed record Expected(Verdict Verdict, string Creator, string Where)
{
    public static Expected Of(Finding finding) => new(finding.Verdict, finding.Creator, finding.Site ?? finding.Import);

    /// <summary>The findings of one verdict, as a sorted set of (creator, where), equal to what the test expects.</summary>
    public static void Equal(IEnumerable<Expected> expected, IEnumerable<Finding> actual, Verdict verdict) =>
        Assert.Equal(
            expected.Where(e => e.Verdict == verdict).Select(e => e.Creator + " @ " + e.Where).Order().ToArray(),
            actual.Where(f => f.Verdict == verdict).Select(Of).Select(e => e.Creator + " @ " + e.Where).Distinct().Order().ToArray());
}
