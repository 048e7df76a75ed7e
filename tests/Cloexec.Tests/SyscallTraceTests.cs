using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// What the wrappers ask of the kernel, under strace, call by call: on the atomic path the flag inside exactly one
/// syscall, the creating one, and nothing after it; with the fallback forced the plain call then exactly one
/// ioctl(FIOCLEX) per new descriptor; the one-time O_CLOEXEC check once per process, never once per call.
/// </summary>
/// <remarks>
/// The probe marks every wrapper call alone (setup stays outside), so a segment holds that call's syscalls only;
/// each family is called <see cref="ProbeSegments.Rounds"/> times.
/// </remarks>
public sealed partial class SyscallTraceTests
{
    private static readonly Dictionary<string, string> s_none = [];

    private static readonly Dictionary<string, string> s_forceFallback = new() { ["CLOEXEC_FORCE_FALLBACK"] = "1" };

    [Fact]
    public void On_the_atomic_path_exactly_one_syscall_carries_the_flag_and_nothing_sets_it_afterwards()
    {
        ProbeProcess probe = ProbeProcess.Run(s_none, trace: true);

        foreach ((string family, string call) in MarkedCalls(probe))
        {
            string[] syscalls = probe.Syscalls[call];
            List<(int Fd, bool Cloexec)> created = probe.Descriptors[call];
            Assert.All(created, d => Assert.True(d.Cloexec, $"{call}: descriptor {d.Fd} is inheritable"));
            if (Families.SetAfterCreationOnly.Contains(family))
            {
                // No atomic way exists: these take the set-after-creation path even here.
                AssertOneFioclexPerDescriptor(call, syscalls, created);
                continue;
            }

            string[] flagged = syscalls.Where(s => AtomicFlag().IsMatch(s)).ToArray();
            Assert.True(flagged.Length == 1, $"{call}: {flagged.Length} syscalls carry a CLOEXEC flag, expected 1:\n{Show(syscalls)}");
            Assert.All(created, d => Assert.True(Mentions(flagged[0], d.Fd), $"{call}: descriptor {d.Fd} did not come from the flagged call {flagged[0]}"));
            Assert.DoesNotContain(syscalls, s => s.Contains("FIOCLEX", StringComparison.Ordinal) || s.Contains("F_SETFD", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_one_time_O_CLOEXEC_check_runs_once_per_process_on_its_first_descriptor_not_once_per_call()
    {
        ProbeProcess probe = ProbeProcess.Run(s_none, trace: true);

        // Every wrapper call of the probe is marked, so these are all the checks the process made.
        var checks = probe.Syscalls
            .SelectMany(segment => segment.Value.Where(s => GetFd().IsMatch(s)).Select(s => (Segment: segment.Key, Syscall: s)))
            .ToList();

        (string segment, string check) = Assert.Single(checks);
        Assert.Equal(ProbeSegments.Anchor, segment);
        Match anchorOpen = Assert.Single(probe.Syscalls[ProbeSegments.Anchor].Select(s => AnchorOpen().Match(s)), m => m.Success);
        Assert.Equal(anchorOpen.Groups[1].Value, GetFd().Match(check).Groups[1].Value);
        Assert.All(MarkedCalls(probe), c => Assert.DoesNotContain(probe.Syscalls[c.Call], s => GetFd().IsMatch(s)));
    }

    [Theory]
    [InlineData("environment variable CLOEXEC_FORCE_FALLBACK")]
    [InlineData("AppContext switch Cloexec.ForceFallback")]
    public void With_the_fallback_forced_each_new_descriptor_gets_exactly_one_FIOCLEX_after_a_plain_call(string forcedBy)
    {
        ProbeProcess probe = forcedBy.StartsWith("environment", System.StringComparison.Ordinal)
            ? ProbeProcess.Run(s_forceFallback, trace: true)
            : ProbeProcess.Run(s_none, trace: true, new Dictionary<string, bool> { ["Cloexec.ForceFallback"] = true });

        foreach ((string _, string call) in MarkedCalls(probe))
        {
            string[] syscalls = probe.Syscalls[call];
            List<(int Fd, bool Cloexec)> created = probe.Descriptors[call];
            Assert.All(created, d => Assert.True(d.Cloexec, $"{call}: descriptor {d.Fd} is inheritable"));
            AssertOneFioclexPerDescriptor(call, syscalls, created);
        }

        // Nothing atomic was tried, so nothing was there to check: not even the anchor's open.
        Assert.All(probe.Syscalls, segment => Assert.DoesNotContain(segment.Value, s => GetFd().IsMatch(s)));
    }

    [Fact]
    public void With_CLOEXEC_DEFAULT_0_the_callers_flags_pass_through()
    {
        ProbeProcess probe = ProbeProcess.Run(new Dictionary<string, string> { ["CLOEXEC_DEFAULT"] = "0" }, trace: false);

        Assert.Equal(Families.Names.Count() * ProbeSegments.Rounds, probe.Descriptors.Count);
        Assert.All(probe.Descriptors, call => Assert.All(call.Value, d => Assert.False(d.Cloexec, $"{call.Key}: descriptor {d.Fd}")));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("1", true)]
    public void The_AppContext_switch_Cloexec_DefaultCloexec_sets_the_default_and_the_environment_wins(string? environmentValue, bool expected)
    {
        Dictionary<string, string> environment = environmentValue is null ? s_none : new() { ["CLOEXEC_DEFAULT"] = environmentValue };

        ProbeProcess probe = ProbeProcess.Run(environment, trace: false, new Dictionary<string, bool> { ["Cloexec.DefaultCloexec"] = false });

        Assert.Equal(Families.Names.Count() * ProbeSegments.Rounds, probe.Descriptors.Count);
        Assert.All(probe.Descriptors, call => Assert.All(call.Value, d => Assert.Equal(expected, d.Cloexec)));
    }

    /// <summary>Every family's every round; fails when the probe left one out.</summary>
    private static List<(string Family, string Call)> MarkedCalls(ProbeProcess probe)
    {
        List<(string Family, string Call)> calls =
            [.. from family in Families.Names
                from round in Enumerable.Range(1, ProbeSegments.Rounds)
                select (family, ProbeSegments.Call(family, round))];
        Assert.All(calls, c => Assert.True(probe.Syscalls.ContainsKey(c.Call) && probe.Descriptors.ContainsKey(c.Call), $"the probe did not mark {c.Call}"));
        return calls;
    }

    /// <summary>The set-after-creation path: no flag in any call, then one ioctl(FIOCLEX) per new descriptor and no other ioctl or fcntl.</summary>
    private static void AssertOneFioclexPerDescriptor(string call, string[] syscalls, List<(int Fd, bool Cloexec)> created)
    {
        string[] ioctls = syscalls.Where(s => s.StartsWith("ioctl(", StringComparison.Ordinal)).Select(Call).ToArray();
        Assert.True(ioctls.Length == created.Count, $"{call}: {ioctls.Length} ioctl calls for {created.Count} new descriptors:\n{Show(syscalls)}");
        Assert.All(created, d => Assert.Single(ioctls, i => i == $"ioctl({d.Fd}, FIOCLEX)"));
        Assert.DoesNotContain(syscalls, AtomicFlag().IsMatch);
        Assert.DoesNotContain(syscalls, s => s.Contains("F_SETFD", StringComparison.Ordinal));
    }

    /// <summary>Whether a strace line names a descriptor: as the result, an argument, or in a filled array.</summary>
    private static bool Mentions(string line, int fd) => Regex.IsMatch(line, $@"(?<![\w.]){fd}(?![\w.])");

    /// <summary>The call of a strace line, without its result.</summary>
    private static string Call(string line) => line.Split(" = ")[0].Trim();

    private static string Show(string[] syscalls) => string.Join('\n', syscalls.Where(s => !Noise().IsMatch(s)));

    /// <summary>An atomic flag as strace decodes it; FD_CLOEXEC (what F_GETFD reports) is not one.</summary>
    [GeneratedRegex(@"\b(O|SOCK|EFD|EPOLL|IN|MFD|TFD|SFD|MSG_CMSG|F_DUPFD)_CLOEXEC\b")]
    private static partial Regex AtomicFlag();

    /// <summary>The runtime's check that O_CLOEXEC was honoured (<c>AtomicWayTable</c>: Refusal.SilentlyIgnored).</summary>
    [GeneratedRegex(@"^fcntl\((\d+), F_GETFD\)")]
    private static partial Regex GetFd();

    /// <summary>Anchor.Descriptor's open.</summary>
    [GeneratedRegex("""^openat\(AT_FDCWD, "/dev/null", O_RDONLY\|O_CLOEXEC\) = (\d+)""")]
    private static partial Regex AnchorOpen();

    /// <summary>Memory management the runtime may do on the traced thread: left out of failure messages only.</summary>
    [GeneratedRegex(@"^(mmap|munmap|mprotect|madvise|futex)\(")]
    private static partial Regex Noise();
}
