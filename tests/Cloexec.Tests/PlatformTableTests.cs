using System;
using System.Linq;
using Cloexec.Interop;
using Cloexec.Platform;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// The runtime's one table of native numbers: the Linux row against this machine's headers, the macOS and FreeBSD rows
/// against the header lines they were read from (xnu, freebsd-src), and where each atomic way exists.
/// </summary>
public sealed class PlatformTableTests
{
    public static TheoryData<string, long> LinuxRow => new()
    {
        { "O_CLOEXEC", PlatformValues.Linux.OCloexec },
        { "SOCK_CLOEXEC", PlatformValues.Linux.SockCloexec },
        { "EPOLL_CLOEXEC", PlatformValues.Linux.EPollCloexec },
        { "EFD_CLOEXEC", PlatformValues.Linux.EventFdCloexec },
        { "IN_CLOEXEC", PlatformValues.Linux.InotifyCloexec },
        { "MFD_CLOEXEC", PlatformValues.Linux.MemFdCloexec },
        { "TFD_CLOEXEC", PlatformValues.Linux.TimerFdCloexec },
        { "SFD_CLOEXEC", PlatformValues.Linux.SignalFdCloexec },
        { "MSG_CMSG_CLOEXEC", PlatformValues.Linux.MsgCmsgCloexec },
        { "F_DUPFD_CLOEXEC", PlatformValues.Linux.FDupFdCloexec },
        { "O_WRONLY|O_CREAT|O_TRUNC", PlatformValues.Linux.CreatFlags },
        { "FIOCLEX", PlatformValues.Linux.FioClex },
        { "FIONCLEX", PlatformValues.Linux.FioNClex },
        { "ENOSYS", PlatformValues.Linux.ENoSys },
        { "F_GETFD", PlatformValues.FGetFd },
        { "F_SETFD", PlatformValues.FSetFd },
        { "FD_CLOEXEC", PlatformValues.FdCloexec },
        { "EBADF", PlatformValues.EBadF },
        { "EACCES", PlatformValues.EAcces },
        { "EINVAL", PlatformValues.EInval },
        { "ENOTTY", PlatformValues.ENotTy },
    };

    [Theory]
    [MemberData(nameof(LinuxRow))]
    public void Linux_row_matches_this_machines_headers(string name, long value) =>
        Assert.Equal(LinuxHeaderValues.Of(name), value);

    // The header lines as read (xnu bsd/sys/*.h, freebsd-src sys/sys/*.h), parsed here rather than retyped.
    public static TheoryData<string, long, string> AppleAndFreeBsdRows => new()
    {
        { "macOS O_CLOEXEC", PlatformValues.MacOS.OCloexec, "#define O_CLOEXEC       0x01000000      /* implicitly set FD_CLOEXEC */" },
        { "macOS F_DUPFD_CLOEXEC", PlatformValues.MacOS.FDupFdCloexec, "#define F_DUPFD_CLOEXEC         67" },
        { "macOS O_WRONLY|O_CREAT|O_TRUNC", PlatformValues.MacOS.CreatFlags, "O_WRONLY 0x0001 O_CREAT 0x00000200 O_TRUNC 0x00000400" },
        { "macOS FIOCLEX", PlatformValues.MacOS.FioClex, "#define FIOCLEX _IO('f', 1): IOC_VOID 0x20000000 'f' 0x66 << 8 1" },
        { "macOS FIONCLEX", PlatformValues.MacOS.FioNClex, "#define FIONCLEX _IO('f', 2): IOC_VOID 0x20000000 'f' 0x66 << 8 2" },
        { "macOS ENOSYS", PlatformValues.MacOS.ENoSys, "#define ENOSYS          78" },
        { "FreeBSD O_CLOEXEC", PlatformValues.FreeBsd.OCloexec, "#define\tO_CLOEXEC\t0x00100000" },
        { "FreeBSD SOCK_CLOEXEC", PlatformValues.FreeBsd.SockCloexec, "#define\tSOCK_CLOEXEC\t0x10000000" },
        { "FreeBSD EFD_CLOEXEC", PlatformValues.FreeBsd.EventFdCloexec, "#define\tEFD_CLOEXEC\t0x00100000" },
        { "FreeBSD MFD_CLOEXEC", PlatformValues.FreeBsd.MemFdCloexec, "#define\tMFD_CLOEXEC\t\t\t0x00000001" },
        { "FreeBSD MSG_CMSG_CLOEXEC", PlatformValues.FreeBsd.MsgCmsgCloexec, "#define\tMSG_CMSG_CLOEXEC 0x00040000\t/* make received fds close-on-exec */" },
        { "FreeBSD F_DUPFD_CLOEXEC", PlatformValues.FreeBsd.FDupFdCloexec, "#define\tF_DUPFD_CLOEXEC\t17\t\t/* Like F_DUPFD, but FD_CLOEXEC is set */" },
        { "FreeBSD O_WRONLY|O_CREAT|O_TRUNC", PlatformValues.FreeBsd.CreatFlags, "O_WRONLY 0x0001 O_CREAT 0x0200 O_TRUNC 0x0400" },
        { "FreeBSD FIOCLEX", PlatformValues.FreeBsd.FioClex, "#define FIOCLEX _IO('f', 1): IOC_VOID 0x20000000 'f' 0x66 << 8 1" },
        { "FreeBSD FIONCLEX", PlatformValues.FreeBsd.FioNClex, "#define FIONCLEX _IO('f', 2): IOC_VOID 0x20000000 'f' 0x66 << 8 2" },
        { "FreeBSD ENOSYS", PlatformValues.FreeBsd.ENoSys, "#define\tENOSYS\t\t78" },
    };

    [Theory]
    [MemberData(nameof(AppleAndFreeBsdRows))]
    public void Apple_and_FreeBSD_rows_match_their_header_lines(string name, long value, string headerLine) =>
        Assert.True(HeaderValue(headerLine) == value, $"{name}: table {value:x}, header {HeaderValue(headerLine):x}");

    [Fact]
    public void Platforms_without_the_flag_have_zero()
    {
        PlatformValues mac = PlatformValues.MacOS;
        Assert.All(new[] { mac.SockCloexec, mac.EPollCloexec, mac.EventFdCloexec, mac.InotifyCloexec, mac.MemFdCloexec, mac.TimerFdCloexec, mac.SignalFdCloexec, mac.MsgCmsgCloexec }, v => Assert.Equal(0, v));
        PlatformValues bsd = PlatformValues.FreeBsd;
        Assert.All(new[] { bsd.EPollCloexec, bsd.InotifyCloexec, bsd.TimerFdCloexec, bsd.SignalFdCloexec }, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Atomic_way_table_has_one_row_per_way_in_order()
    {
        AtomicWay[] ways = Enum.GetValues<AtomicWay>();
        Assert.Equal(ways.Length, AtomicWayTable.Count);
        Assert.All(ways, way => Assert.True(AtomicWayTable.IsInOrder(way), way.ToString()));
    }

    [Theory]
    // way, Linux, macOS x64, macOS arm64, FreeBSD, Windows
    [InlineData(AtomicWay.OpenFlag, true, true, true, true, false)]
    [InlineData(AtomicWay.SocketFlag, true, false, false, true, false)]
    [InlineData(AtomicWay.Pipe2, true, false, false, true, false)]
    [InlineData(AtomicWay.Dup3, true, false, false, true, false)]
    [InlineData(AtomicWay.Accept4, true, false, false, true, false)]
    [InlineData(AtomicWay.DupFdCloexec, true, true, false, true, false)]
    [InlineData(AtomicWay.Mkostemp, true, true, true, true, false)]
    [InlineData(AtomicWay.EPollCreate1, true, false, false, false, false)]
    [InlineData(AtomicWay.EventFdFlag, true, false, false, true, false)]
    [InlineData(AtomicWay.InotifyInit1, true, false, false, false, false)]
    [InlineData(AtomicWay.MemFdFlag, true, false, false, true, false)]
    [InlineData(AtomicWay.TimerFdFlag, true, false, false, false, false)]
    [InlineData(AtomicWay.SignalFdFlag, true, false, false, false, false)]
    [InlineData(AtomicWay.ReceiveMessageFlag, true, false, false, true, false)]
    [InlineData(AtomicWay.NoInheritFlag, false, false, false, false, true)]
    [InlineData(AtomicWay.WsaNoHandleInheritFlag, false, false, false, false, true)]
    [InlineData(AtomicWay.SecurityAttributesInherit, false, false, false, false, true)]
    [InlineData(AtomicWay.InheritHandleArgument, false, false, false, false, true)]
    public void Atomic_way_exists_where_the_platform_has_it(AtomicWay way, bool linux, bool macX64, bool macArm64, bool freeBsd, bool windows)
    {
        Assert.Equal(linux, AtomicWayTable.ExistsOn(way, linux: true, macOS: false, freeBsd: false, windows: false, appleArm64: false));
        Assert.Equal(macX64, AtomicWayTable.ExistsOn(way, linux: false, macOS: true, freeBsd: false, windows: false, appleArm64: false));
        // Apple arm64: a way that needs a variadic argument (fcntl(F_DUPFD_CLOEXEC, 0)) cannot be called by a P/Invoke.
        Assert.Equal(macArm64, AtomicWayTable.ExistsOn(way, linux: false, macOS: true, freeBsd: false, windows: false, appleArm64: true));
        Assert.Equal(freeBsd, AtomicWayTable.ExistsOn(way, linux: false, macOS: false, freeBsd: true, windows: false, appleArm64: false));
        Assert.Equal(windows, AtomicWayTable.ExistsOn(way, linux: false, macOS: false, freeBsd: false, windows: true, appleArm64: false));
    }

    [Fact]
    public void Windows_flag_values_are_zero_off_Windows()
    {
        Assert.Equal(0, CloexecFlagValues.NoInherit);
        Assert.Equal(0, CloexecFlagValues.WsaNoHandleInherit);
        Assert.Equal(0, CloexecFlagValues.Of(CloexecFlag.SecurityAttributes));
    }

    /// <summary>
    /// The value a header line gives: its hex/decimal literal, or for an <c>_IO(g, n)</c> line the sum of its parts
    /// (IOC_VOID | g &lt;&lt; 8 | n), or for a list of flags their OR.
    /// </summary>
    private static long HeaderValue(string line)
    {
        string body = line.Contains(':', StringComparison.Ordinal) ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..] : line;
        long[] numbers = body.Replace("<<", " ", StringComparison.Ordinal).Replace("'f'", " ", StringComparison.Ordinal)
            .Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Where(token => char.IsDigit(token[0]))
            .Select(token => token.StartsWith("0x", StringComparison.Ordinal)
                ? long.Parse(token.AsSpan(2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture)
                : long.Parse(token, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        if (line.Contains("_IO(", StringComparison.Ordinal))
        {
            // IOC_VOID, the group character and its shift, the number.
            return numbers[0] | (numbers[1] << (int)numbers[2]) | numbers[3];
        }

        return numbers.Aggregate(0L, (all, n) => all | n);
    }
}
