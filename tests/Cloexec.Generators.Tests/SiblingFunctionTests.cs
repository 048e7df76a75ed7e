using System;
using System.Linq;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;
using Cloexec.Generators.Planning;
using Cloexec.Interop;
using Cloexec.Platform;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>
/// A legacy call's sibling against the runtime's way table (compiled into the generator): where some OS version lacks
/// the function, the wrapper must call it at the address the runtime found, never through an import.
/// </summary>
public sealed class SiblingFunctionTests
{
    [Fact]
    public void A_sibling_that_some_OS_version_lacks_is_its_ways_own_function()
    {
        var siblings = EntryPointTable.All.Where(e => e.Sibling is not null).ToArray();
        Assert.NotEmpty(siblings);
        foreach (EntryPointInfo entry in siblings)
        {
            bool lookedUp = Enum.GetValues<UnixKernel>().Any(k => AtomicWayTable.PresenceOn(entry.Way, k) == Presence.IfExported);
            if (lookedUp)
            {
                Assert.True(entry.Sibling!.EntryPoint == AtomicWayTable.FunctionOf(entry.Way), $"{entry.Name} -> {entry.Sibling.EntryPoint}: the runtime looks up {AtomicWayTable.FunctionOf(entry.Way)} for {entry.Way}");
            }
        }
    }

    [Theory]
    [InlineData("pipe", true, -1)]
    [InlineData("dup2", true, -1)]
    [InlineData("dup", true, 2)]
    [InlineData("creat", true, 2)]
    [InlineData("creat64", false, 2)]
    [InlineData("mkstemp", true, -1)]
    public void The_plan_says_how_the_sibling_is_called(string legacy, bool atFoundAddress, int variadicFrom)
    {
        EntryPointInfo entry = EntryPointTable.All.Single(e => e.Name == legacy && e.Sibling is not null);
        SiblingCall plan = SiblingPlanner.Plan(entry.Sibling!, entry.Way, entry.Flag, [], "sibling");
        Assert.Equal(atFoundAddress, plan.CallsFoundFunction);
        Assert.Equal(variadicFrom, plan.Variadic?.FixedCount ?? -1);
    }
}
