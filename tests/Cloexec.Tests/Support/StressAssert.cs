using System.Linq;
using Xunit;

namespace Cloexec.Tests;

/// <summary>What every stress run must show before its leak count means anything.</summary>
internal static class StressAssert
{
    /// <summary>
    /// Children held the descriptors made with cloexec: false, every time they had to: the harness reads real
    /// tables and would see a leaked descriptor.
    /// </summary>
    public static void TheHarnessSawInheritance(LeakStressReport report)
    {
        Assert.True(report.Children >= 200, $"only {report.Children} children");
        Assert.True(report.Verdict.InheritableFound >= report.Children, $"inheritable descriptors found only {report.Verdict.InheritableFound} times");
        Assert.True(report.Verdict.Missing.Count == 0, "missing in children:\n" + string.Join('\n', report.Verdict.Missing.Take(20)));
    }
}
