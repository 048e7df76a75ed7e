using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// What the wrappers ask of the kernel, under strace: the flag inside the creating call and nothing after it on
/// the atomic path; the plain call then ioctl(FIOCLEX) on each new descriptor with the fallback forced.
/// </summary>
public sealed partial class SyscallTraceTests
{
    /// <summary>Entry points with no atomic way: set after creation even on the atomic path.</summary>
    private static readonly HashSet<string> s_setAfterOnly = ["fcntl F_DUPFD (Flag = None)", "pipe (Wraps)"];

    private static readonly Dictionary<string, string> s_none = [];

    [Fact]
    public void On_the_atomic_path_the_flag_travels_inside_the_creating_call()
    {
        ProbeProcess probe = ProbeProcess.Run(s_none, trace: true);

        Assert.Equal(Families.Names.Count(), probe.Syscalls.Count);
        foreach ((string family, string[] syscalls) in probe.Syscalls)
        {
            List<(int Fd, bool Cloexec)> created = probe.Descriptors[family];
            Assert.All(created, d => Assert.True(d.Cloexec, $"{family}: descriptor {d.Fd} is inheritable"));
            if (s_setAfterOnly.Contains(family))
            {
                Assert.All(created, d => Assert.Contains($"ioctl({d.Fd}, FIOCLEX)", syscalls.Select(Call)));
                continue;
            }

            Assert.True(syscalls.Any(AtomicFlag().IsMatch), $"{family}: no syscall carried a CLOEXEC flag:\n{string.Join('\n', syscalls)}");
            Assert.DoesNotContain(syscalls, s => s.Contains("FIOCLEX", System.StringComparison.Ordinal) || s.Contains("F_SETFD", System.StringComparison.Ordinal));
        }
    }

    [Fact]
    public void With_CLOEXEC_FORCE_FALLBACK_every_descriptor_gets_FIOCLEX_after_a_plain_call()
    {
        ProbeProcess probe = ProbeProcess.Run(new Dictionary<string, string> { ["CLOEXEC_FORCE_FALLBACK"] = "1" }, trace: true);

        Assert.Equal(Families.Names.Count(), probe.Syscalls.Count);
        foreach ((string family, string[] syscalls) in probe.Syscalls)
        {
            List<(int Fd, bool Cloexec)> created = probe.Descriptors[family];
            Assert.All(created, d => Assert.True(d.Cloexec, $"{family}: descriptor {d.Fd} is inheritable"));
            Assert.All(created, d => Assert.Contains($"ioctl({d.Fd}, FIOCLEX)", syscalls.Select(Call)));
            Assert.DoesNotContain(syscalls, AtomicFlag().IsMatch);
        }
    }

    [Fact]
    public void With_CLOEXEC_DEFAULT_0_the_callers_flags_pass_through()
    {
        ProbeProcess probe = ProbeProcess.Run(new Dictionary<string, string> { ["CLOEXEC_DEFAULT"] = "0" }, trace: false);

        Assert.Equal(Families.Names.Count(), probe.Descriptors.Count);
        Assert.All(probe.Descriptors, family => Assert.All(family.Value, d => Assert.False(d.Cloexec, $"{family.Key}: descriptor {d.Fd}")));
    }

    /// <summary>The call of a strace line, without its result.</summary>
    private static string Call(string line) => line.Split(" = ")[0].Trim();

    /// <summary>An atomic flag as strace decodes it; FD_CLOEXEC (what F_GETFD reports) is not one.</summary>
    [GeneratedRegex(@"\b(O|SOCK|EFD|EPOLL|IN|MFD|TFD|SFD|MSG_CMSG|F_DUPFD)_CLOEXEC\b")]
    private static partial Regex AtomicFlag();
}
