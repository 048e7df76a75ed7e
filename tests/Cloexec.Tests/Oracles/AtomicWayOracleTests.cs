using System;
using System.Collections.Generic;
using System.Linq;
using Cloexec.Interop;
using Cloexec.Platform;
using Xunit;

namespace Cloexec.Tests.Oracles;

/// <summary>
/// Each "this way exists on this OS" claim of the runtime's table against Go's x/sys (darwin: the libc functions it
/// imports; Linux and FreeBSD: the system calls it knows) and Rust's libc (the functions it declares for the target).
/// </summary>
public sealed class AtomicWayOracleTests(ITestOutputHelper output)
{
    /// <summary>Functions present on every supported version although no oracle here declares them, with why.</summary>
    private static readonly Dictionary<string, string> s_noOracle = new()
    {
        ["darwin mkostemp"] = "macOS 10.12 Libc stdlib.h; Go calls no mkostemp and Rust's libc 0.2.139 declares none for Apple",
    };

    public static TheoryData<string> Targets => new(OracleTargets.DotNet.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_way_exists_where_the_oracles_say_its_function_does(string targetName)
    {
        OracleTarget target = OracleTargets.DotNet.Single(t => t.Name == targetName);
        var failures = new List<string>();
        foreach (AtomicWay way in Enum.GetValues<AtomicWay>())
        {
            if (AtomicWayTable.FunctionOf(way) is not { } function)
            {
                continue;
            }

            Presence presence = AtomicWayTable.PresenceOn(way, target.Kernel);
            bool go = target.Go.HasFunction(function);
            bool rust = target.Rust.HasFunction(function);
            string says = $"Go x/sys {target.Go.Target} {(go ? "has" : "lacks")} it, Rust libc {(rust ? "has" : "lacks")} it";
            string key = $"{target.GoOs} {function}";
            switch (presence)
            {
                case Presence.Present when go || rust:
                    output.WriteLine($"{way} ({function}): present; {says}{(go && rust ? string.Empty : " (one oracle ONLY)")}");
                    break;
                case Presence.Present when s_noOracle.TryGetValue(key, out string? why):
                    output.WriteLine($"{way} ({function}): present; NO ORACLE has it: {why}");
                    break;
                case Presence.Present:
                    failures.Add($"{target} {way}: the table says {function} is always there; {says}");
                    break;
                case Presence.Absent when go || rust:
                    failures.Add($"{target} {way}: the table says {function} is missing; {says}");
                    break;
                case Presence.Absent:
                    output.WriteLine($"{way} ({function}): absent; {says}");
                    break;
                default:
                    // In newer versions only: the oracles, older than those versions, may have it or not.
                    output.WriteLine($"{way} ({function}): looked up at run time; {says}");
                    break;
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void A_way_looked_up_at_run_time_names_its_function()
    {
        foreach (AtomicWay way in Enum.GetValues<AtomicWay>())
        {
            foreach (UnixKernel kernel in Enum.GetValues<UnixKernel>())
            {
                if (AtomicWayTable.PresenceOn(way, kernel) == Presence.IfExported)
                {
                    Assert.NotNull(AtomicWayTable.FunctionOf(way));
                }
            }
        }
    }

    [Fact]
    public void A_way_that_only_adds_a_flag_exists_exactly_where_the_flag_has_a_value()
    {
        foreach (PlatformValues row in PlatformValues.All.Where(r => r != PlatformValues.LinuxOtherArchitecture))
        {
            foreach (AtomicWay way in Enum.GetValues<AtomicWay>().Where(w => AtomicWayTable.FunctionOf(w) is null))
            {
                bool claimed = AtomicWayTable.PresenceOn(way, row.Kernel) != Presence.Absent;
                Assert.True(claimed == AtomicWayTable.IsAvailable(way, row, functionAddress: 0), $"{way} on {row.Kernel}: presence {claimed}, but its flag says otherwise");
            }
        }
    }
}
