using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Cloexec.Interop;
using Cloexec.Platform;
using Xunit;

namespace Cloexec.Tests.Oracles;

/// <summary>
/// Every number of the runtime's table, on every platform it has a row for, against sources this repository does
/// not contain: Go's golang.org/x/sys, Rust's libc crate, and on this machine's platform its C headers through gcc.
/// A value one oracle lacks is named in the test's output; a value no oracle has fails, unless listed below with why;
/// a zero (none on that platform) fails when an oracle has a value; each target's output ends with the values only
/// one source confirms.
/// </summary>
public sealed class PlatformValueOracleTests(ITestOutputHelper output)
{
    /// <summary>The C name of each value of a row; a <c>|</c> means the OR of those names.</summary>
    private static readonly Dictionary<string, string> s_cNames = new()
    {
        [nameof(PlatformValues.OCloexec)] = "O_CLOEXEC",
        [nameof(PlatformValues.SockCloexec)] = "SOCK_CLOEXEC",
        [nameof(PlatformValues.EPollCloexec)] = "EPOLL_CLOEXEC",
        [nameof(PlatformValues.EventFdCloexec)] = "EFD_CLOEXEC",
        [nameof(PlatformValues.InotifyCloexec)] = "IN_CLOEXEC",
        [nameof(PlatformValues.MemFdCloexec)] = "MFD_CLOEXEC",
        [nameof(PlatformValues.TimerFdCloexec)] = "TFD_CLOEXEC",
        [nameof(PlatformValues.SignalFdCloexec)] = "SFD_CLOEXEC",
        [nameof(PlatformValues.MsgCmsgCloexec)] = "MSG_CMSG_CLOEXEC",
        [nameof(PlatformValues.FDupFdCloexec)] = "F_DUPFD_CLOEXEC",
        [nameof(PlatformValues.CreatFlags)] = "O_WRONLY|O_CREAT|O_TRUNC",
        [nameof(PlatformValues.FioClex)] = "FIOCLEX",
        [nameof(PlatformValues.FioNClex)] = "FIONCLEX",
        [nameof(PlatformValues.ENoSys)] = "ENOSYS",
        [nameof(PlatformValues.FanCloexec)] = "FAN_CLOEXEC",
        [nameof(PlatformValues.PerfFlagFdCloexec)] = "PERF_FLAG_FD_CLOEXEC",
        [nameof(PlatformValues.MountCloexec)] = "FSOPEN_CLOEXEC",
        [nameof(PlatformValues.GetptFlags)] = "O_RDWR",
        [nameof(PlatformValues.KqueueCloexec)] = "KQUEUE_CLOEXEC",
        [nameof(PlatformValues.EAgain)] = "EAGAIN",
        [nameof(PlatformValues.ONonBlock)] = "O_NONBLOCK",
        [nameof(PlatformValues.MsgDontWait)] = "MSG_DONTWAIT",
        [nameof(PlatformValues.SolSocket)] = "SOL_SOCKET",
        [nameof(PlatformValues.SoRcvTimeo)] = "SO_RCVTIMEO",
        [nameof(PlatformValues.CloseRangeCloexec)] = "CLOSE_RANGE_CLOEXEC",
        [nameof(PlatformValues.FGetPath)] = "F_GETPATH",
    };

    /// <summary>The constants every row shares.</summary>
    private static readonly (string CName, long Value)[] s_shared =
    [
        ("F_GETFD", PlatformValues.FGetFd), ("F_SETFD", PlatformValues.FSetFd), ("FD_CLOEXEC", PlatformValues.FdCloexec),
        ("EBADF", PlatformValues.EBadF), ("EACCES", PlatformValues.EAcces), ("EINVAL", PlatformValues.EInval), ("ENOTTY", PlatformValues.ENotTy),
        ("EINTR", PlatformValues.EIntr), ("F_GETFL", PlatformValues.FGetFl), ("POLLIN", PlatformValues.PollIn),
    ];

    /// <summary>
    /// Values that no oracle here has, with why. Go's x/sys 0.3.0 and Rust's libc 0.2.139 (Debian 12) predate them.
    /// </summary>
    private static readonly Dictionary<string, string> s_noOracle = new()
    {
        ["freebsd TFD_CLOEXEC"] = "FreeBSD 14.0 (2023) sys/sys/timerfd.h: defined as O_CLOEXEC; newer than both oracles",
        ["linux FSOPEN_CLOEXEC"] = "Linux 5.2 (2019) linux/mount.h 0x00000001, uapi; newer than both oracles, and left out of the unknown-architecture row, so this machine's headers speak only for its own target",
        ["freebsd IN_CLOEXEC"] = "FreeBSD 15.0 (2025) sys/sys/inotify.h: defined as O_CLOEXEC; newer than both oracles",
        ["freebsd KQUEUE_CLOEXEC"] = "FreeBSD 14.0 (2023) sys/sys/event.h: 0x00000001; newer than both oracles",
        ["freebsd CLOSE_RANGE_CLOEXEC"] = "FreeBSD 13.0 (2021) sys/sys/unistd.h: (1 << 2); newer than both oracles' FreeBSD files",
    };

    /// <summary>
    /// Every C name the table's values are made of, parts of an OR included: what <see cref="LinuxHeaderValues"/> asks
    /// gcc for, so that on this machine's platform the headers are asked about every value, not a chosen few.
    /// </summary>
    internal static IEnumerable<string> CNamesOfTheTable =>
        s_cNames.Values.Concat(s_shared.Select(shared => shared.CName)).SelectMany(cName => cName.Split('|')).Distinct();

    public static TheoryData<string> Targets => new(OracleTargets.DotNet.Select(t => t.Name));

    [Fact]
    public void Every_value_of_a_row_has_a_C_name_here()
    {
        string[] values = ValueProperties().Select(p => p.Name).ToArray();
        Assert.All(values, name => Assert.True(s_cNames.ContainsKey(name), $"PlatformValues.{name}: add its C name to s_cNames so the oracles check it"));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_value_agrees_with_the_oracles(string targetName)
    {
        OracleTarget target = OracleTargets.DotNet.Single(t => t.Name == targetName);
        PlatformValues row = PlatformValues.For(target.Kernel, target.Cpu);
        output.WriteLine($"{target}: row {RowName(row)}; oracles {OracleSources.Versions}");

        var failures = new List<string>();
        var singleSource = new List<string>();
        foreach (PropertyInfo property in ValueProperties())
        {
            // A value the unknown-architecture row keeps is the same on every Linux architecture: this machine's headers hold for all.
            bool anyArchitecture = Convert.ToInt64(property.GetValue(PlatformValues.LinuxOtherArchitecture), System.Globalization.CultureInfo.InvariantCulture) != 0;
            Check(target, s_cNames[property.Name], Convert.ToInt64(property.GetValue(row), System.Globalization.CultureInfo.InvariantCulture), anyArchitecture, failures, singleSource);
        }

        foreach ((string cName, long value) in s_shared)
        {
            Check(target, cName, value, anyArchitecture: true, failures, singleSource);
        }

        output.WriteLine(singleSource.Count == 0
            ? $"{target}: every value is confirmed by two sources or more"
            : $"{target}: confirmed by ONE source only ({singleSource.Count}): {string.Join("; ", singleSource)}");

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void The_row_for_an_unknown_Linux_architecture_keeps_only_values_every_architecture_shares()
    {
        PlatformValues other = PlatformValues.LinuxOtherArchitecture;
        var failures = new List<string>();
        foreach (PropertyInfo property in ValueProperties())
        {
            string cName = s_cNames[property.Name];
            long value = Convert.ToInt64(property.GetValue(other), System.Globalization.CultureInfo.InvariantCulture);
            long?[] everywhere = OracleTargets.EveryLinux.Select(go => Evaluate(cName, go.Constant)).ToArray();
            string seen = string.Join(", ", OracleTargets.EveryLinux.Zip(everywhere, (go, v) => $"{go.Target} {Show(v)}"));
            if (value != 0 && everywhere.Any(v => v is not null && v != value))
            {
                failures.Add($"{cName} = {value:x} in the unknown-architecture row, but Go has {seen}");
            }
            else if (value != 0 && everywhere.All(v => v is null))
            {
                output.WriteLine($"{cName}: {value:x}; Go has it on no architecture (the headers of this machine only)");
            }
            else if (value == 0 && everywhere.Where(v => v is not null).Distinct().Count() == 1)
            {
                output.WriteLine($"{cName}: the same wherever Go has it ({everywhere.First(v => v is not null):x}); left out of the unknown-architecture row all the same");
            }
            else if (value == 0 && everywhere.All(v => v is null))
            {
                output.WriteLine($"{cName}: none (Go has it on no Linux architecture)");
            }
            else
            {
                output.WriteLine($"{cName}: {(value == 0 ? "left out (differs between architectures)" : $"{value:x} on every architecture")}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_Linux_architecture_dotnet_ships_for_has_a_row_of_its_own_numbers()
    {
        Cpu[] dotnet = [Cpu.X64, Cpu.X86, Cpu.Arm64, Cpu.Arm, Cpu.S390x, Cpu.Ppc64le, Cpu.LoongArch64, Cpu.RiscV64];
        Assert.All(dotnet, cpu => Assert.NotSame(PlatformValues.LinuxOtherArchitecture, PlatformValues.For(UnixKernel.Linux, cpu)));
        Assert.All(dotnet, cpu => Assert.Contains(OracleTargets.DotNet, t => t.Kernel == UnixKernel.Linux && t.Cpu == cpu));
        Assert.Same(PlatformValues.LinuxPowerPc, PlatformValues.For(UnixKernel.Linux, Cpu.Ppc64le));
        Assert.Same(PlatformValues.LinuxOtherArchitecture, PlatformValues.For(UnixKernel.Linux, Cpu.Other));
    }

    private void Check(OracleTarget target, string cName, long value, bool anyArchitecture, List<string> failures, List<string> singleSource)
    {
        var confirmedBy = new List<string>();
        var lacking = new List<string>();
        foreach ((string oracle, Func<string, long?> lookup) in Oracles(target, anyArchitecture))
        {
            long? found = Evaluate(cName, lookup);
            if (found is null)
            {
                lacking.Add(oracle);
            }
            else if (value == 0)
            {
                // A zero means "this platform has none": a wrong zero would silently skip the atomic way, or the
                // value a fallback needs. An oracle that has one makes it a mismatch like any other.
                failures.Add($"{target} {cName}: the table has none (0), {oracle} has {found:x}");
            }
            else if (found != value)
            {
                failures.Add($"{target} {cName}: the table has {value:x}, {oracle} has {found:x}");
            }
            else
            {
                confirmedBy.Add(oracle);
            }
        }

        string key = $"{target.GoOs switch { "darwin" => "macos", _ => target.GoOs }} {cName}";
        if (value == 0)
        {
            output.WriteLine($"{cName}: none here; no oracle has one ({string.Join(", ", lacking)})");
        }
        else if (confirmedBy.Count == 0 && s_noOracle.TryGetValue(key, out string? why))
        {
            output.WriteLine($"{cName} = {value:x}: NO ORACLE has it: {why}");
        }
        else if (confirmedBy.Count == 0)
        {
            failures.Add($"{target} {cName} = {value:x}: no oracle has it ({string.Join(", ", lacking)} lack it)");
        }
        else
        {
            string lack = lacking.Count == 0 ? string.Empty : $"; {string.Join(", ", lacking)} lack{(lacking.Count == 1 ? "s" : string.Empty)} it";
            output.WriteLine($"{cName} = {value:x}: confirmed by {string.Join(", ", confirmedBy)}{(confirmedBy.Count == 1 ? " ONLY" : string.Empty)}{lack}");
            if (confirmedBy.Count == 1)
            {
                singleSource.Add($"{cName} = {value:x} ({confirmedBy[0]})");
            }
        }
    }

    private static IEnumerable<(string Name, Func<string, long?> Lookup)> Oracles(OracleTarget target, bool anyArchitecture)
    {
        yield return ($"Go x/sys {target.Go.Target}", target.Go.Constant);
        yield return ($"Rust libc {target.Name}", target.Rust.Constant);
        if (target.IsThisMachine)
        {
            yield return ("this machine's headers (gcc)", LinuxHeaderValues.TryOf);
        }
        else if (anyArchitecture && target.Kernel == UnixKernel.Linux && OperatingSystem.IsLinux())
        {
            yield return ("this machine's headers (gcc, the same on every architecture)", LinuxHeaderValues.TryOf);
        }
    }

    /// <summary>One C name's value, or the OR of several ("O_WRONLY|O_CREAT|O_TRUNC"); null when one is missing.</summary>
    private static long? Evaluate(string cName, Func<string, long?> lookup)
    {
        long result = 0;
        foreach (string part in cName.Split('|'))
        {
            if (lookup(part) is not long value)
            {
                return null;
            }

            result |= value;
        }

        return result;
    }

    private static string Show(long? value) => value is long v ? v.ToString("x", System.Globalization.CultureInfo.InvariantCulture) : "none";

    private static IEnumerable<PropertyInfo> ValueProperties() =>
        typeof(PlatformValues).GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(p => p.PropertyType == typeof(int) || p.PropertyType == typeof(uint))
            .OrderBy(p => p.MetadataToken);

    private static string RowName(PlatformValues row) =>
        typeof(PlatformValues).GetFields(BindingFlags.Static | BindingFlags.NonPublic)
            .Where(f => f.FieldType == typeof(PlatformValues)).First(f => ReferenceEquals(f.GetValue(null), row)).Name;
}
