using System.Linq;
using Cloexec.Audit.Judging;
using Xunit;
using static Cloexec.Audit.Judging.Verdict;

namespace Cloexec.Audit.Tests;

/// <summary>
/// The audit over packages from the feed, against findings established by reading each package's IL (and its
/// sources where public): what every call and public import does, by the man pages of the calls.
/// </summary>
public sealed class RealPackageTests
{
    /// <summary>
    /// Tmds.LibC: raw bindings, no call of its own. Its public pipe, dup, dup2, accept, epoll_create and creat have no
    /// close-on-exec flag at all (pipe(2), dup(2), accept(2), epoll_create(2), creat(2)): whoever calls them leaks. The
    /// flagged ones leave the flag to their callers.
    /// </summary>
    [Fact]
    public void Tmds_LibC_exposes_six_creators_that_always_leak_and_twelve_that_leave_the_flag_to_callers()
    {
        AssemblyAudit audit = AssemblyAuditor.Audit(TestSettings.Package("Tmds.LibC", "0.5.0", "runtimes/linux-x64/lib/netstandard2.0/Tmds.LibC.dll"));

        Expected[] expected =
        [
            .. new[] { "pipe", "dup", "dup2", "accept", "epoll_create", "creat" }.Select(c => new Expected(Leaks, c, "Tmds.Linux.LibC." + c)),
            .. new[] { "open", "openat", "open_by_handle_at", "pipe2", "dup3", "socket", "socketpair", "accept4", "recvmsg", "epoll_create1", "eventfd", "memfd_create" }
                .Select(c => new Expected(CallersChoice, c, "Tmds.Linux.LibC." + c)),
        ];
        Assert.Equal(18, audit.Creators.Count);
        Assert.DoesNotContain(audit.Findings, f => f.IsCallSite);
        Expected.Equal(expected, audit.Findings, Leaks);
        Expected.Equal(expected, audit.Findings, CallersChoice);
    }

    /// <summary>
    /// Mono.Posix.NETStandard: Mono.Unix.Native.Syscall.epoll_create(int) calls libc's epoll_create, the obsolete
    /// Mono.Posix.Syscall.creat calls creat; dup, dup2 (both APIs) and mkstemp are public libc imports. open goes
    /// through MonoPosixHelper (not the C library: not audited), except in the obsolete API, whose open passes the
    /// caller's flags on; socket or-s two converted arguments (type | flags): not followed.
    /// </summary>
    [Fact]
    public void Mono_Posix_NETStandard_leaks_in_epoll_create_and_creat_and_exposes_dup_dup2_and_mkstemp()
    {
        AssemblyAudit audit = AssemblyAuditor.Audit(TestSettings.Package("Mono.Posix.NETStandard", "1.0.0", "runtimes/linux-x64/lib/netstandard2.0/Mono.Posix.NETStandard.dll"));

        Expected[] expected =
        [
            new(Leaks, "epoll_create", "Mono.Unix.Native.Syscall.epoll_create"),
            new(Leaks, "creat", "Mono.Posix.Syscall.creat"),
            new(Leaks, "mkstemp", "Mono.Unix.Native.Syscall.mkstemp"),
            new(Leaks, "dup", "Mono.Unix.Native.Syscall.dup"),
            new(Leaks, "dup2", "Mono.Unix.Native.Syscall.dup2"),
            new(Leaks, "dup", "Mono.Posix.Syscall.dup"),
            new(Leaks, "dup2", "Mono.Posix.Syscall.dup2"),
            new(CallersChoice, "openat", "Mono.Unix.Native.Syscall.openat"),
            new(CallersChoice, "epoll_create1", "Mono.Unix.Native.Syscall.epoll_create"),
            new(CallersChoice, "open", "Mono.Posix.Syscall.open"),
            new(Undetermined, "socket", "Mono.Unix.Native.Syscall.socket"),
            new(Safe, "opendir", "Mono.Unix.UnixDirectoryInfo.GetEntries"),
        ];
        Expected.Equal(expected, audit.Findings, Leaks);
        Expected.Equal(expected, audit.Findings, CallersChoice);
        Expected.Equal(expected, audit.Findings, Undetermined);
        Assert.Contains(audit.Findings, f => f is { Verdict: Safe, Creator: "opendir", Site: "Mono.Unix.UnixDirectoryInfo.GetEntries" });
    }

    /// <summary>Mono.Unix 7.1: the Mono.Unix.Native half of the above, plus memfd_create with the caller's flags.</summary>
    [Fact]
    public void Mono_Unix_leaks_in_epoll_create_and_exposes_dup_dup2_and_mkstemp()
    {
        AssemblyAudit audit = AssemblyAuditor.Audit(TestSettings.Package("Mono.Unix", "7.1.0-final.1.21458.1", "lib/net6.0/Mono.Unix.dll"));

        Expected[] expected =
        [
            new(Leaks, "epoll_create", "Mono.Unix.Native.Syscall.epoll_create"),
            new(Leaks, "mkstemp", "Mono.Unix.Native.Syscall.mkstemp"),
            new(Leaks, "dup", "Mono.Unix.Native.Syscall.dup"),
            new(Leaks, "dup2", "Mono.Unix.Native.Syscall.dup2"),
            new(CallersChoice, "openat", "Mono.Unix.Native.Syscall.openat"),
            new(CallersChoice, "epoll_create1", "Mono.Unix.Native.Syscall.epoll_create"),
            new(CallersChoice, "memfd_create", "Mono.Unix.Native.Syscall.memfd_create"),
            new(Undetermined, "socket", "Mono.Unix.Native.Syscall.socket"),
        ];
        Expected.Equal(expected, audit.Findings, Leaks);
        Expected.Equal(expected, audit.Findings, CallersChoice);
        Expected.Equal(expected, audit.Findings, Undetermined);
    }

    /// <summary>
    /// Terminal.Gui 2.5: its Unix driver opens /dev/tty with O_RDWR|O_NOCTTY (0x102) and O_RDWR (2), never O_CLOEXEC,
    /// and dups the output descriptor with dup: three private call sites, each leaking into every child the app starts.
    /// </summary>
    [Fact]
    public void Terminal_Gui_leaks_the_terminal_twice_through_open_and_once_through_dup()
    {
        AssemblyAudit audit = AssemblyAuditor.Audit(TestSettings.Package("Terminal.Gui", "2.5.0", "lib/net10.0/Terminal.Gui.dll"));

        Expected[] expected =
        [
            new(Leaks, "open", "Terminal.Gui.Drivers.TerminalDevice.InitializeUnix"),
            new(Leaks, "open", "Terminal.Gui.Drivers.UnixTerminalHelper.SaveTerminalState"),
            new(Leaks, "dup", "Terminal.Gui.Drivers.AnsiOutput..ctor"),
        ];
        Assert.Equal(3, audit.Creators.Count);
        Expected.Equal(expected, audit.Findings, Leaks);
        Assert.All(audit.Findings, f => Assert.Equal(Leaks, f.Verdict));
        Assert.Contains(audit.Findings, f => f.Reason.Contains("0x102", System.StringComparison.Ordinal));
    }

    /// <summary>
    /// Packages that must come out clean, each for a reason of its own: System.IO.Ports' Unix build imports only its
    /// own shim (libSystem.IO.Ports.Native), and its Windows build opens ports with CreateFile and no
    /// SECURITY_ATTRIBUTES (not inheritable); Tmds.DBus.Protocol receives descriptors with recvmsg and
    /// MSG_CMSG_CLOEXEC, kept in a static readonly field set per OS; SQLitePCLRaw's provider imports only e_sqlite3;
    /// Microsoft.Win32.SystemEvents imports user32 and kernel32 functions that create no handle a child inherits.
    /// </summary>
    [Theory]
    [InlineData("System.IO.Ports", "10.0.15", "runtimes/unix/lib/net10.0/System.IO.Ports.dll", 0)]
    [InlineData("System.IO.Ports", "10.0.15", "runtimes/win/lib/net10.0/System.IO.Ports.dll", 1)]
    [InlineData("Tmds.DBus.Protocol", "0.95.2", "lib/net9.0/Tmds.DBus.Protocol.dll", 1)]
    [InlineData("SQLitePCLRaw.provider.e_sqlite3", "3.0.5", "lib/net8.0/SQLitePCLRaw.provider.e_sqlite3.dll", 0)]
    [InlineData("Microsoft.Win32.SystemEvents", "10.0.15", "runtimes/win/lib/net10.0/Microsoft.Win32.SystemEvents.dll", 0)]
    public void Clean_packages_have_no_finding_but_safe_ones(string id, string version, string path, int creators)
    {
        AssemblyAudit audit = AssemblyAuditor.Audit(TestSettings.Package(id, version, path));

        Assert.Null(audit.Error);
        Assert.NotNull(audit.Name);
        Assert.Equal(creators, audit.Creators.Count);
        Assert.All(audit.Findings, f => Assert.Equal(Safe, f.Verdict));
    }

    [Fact]
    public void Tmds_DBus_Protocol_is_safe_because_its_flag_field_holds_MSG_CMSG_CLOEXEC()
    {
        AssemblyAudit audit = AssemblyAuditor.Audit(TestSettings.Package("Tmds.DBus.Protocol", "0.95.2", "lib/net9.0/Tmds.DBus.Protocol.dll"));

        Finding receive = Assert.Single(audit.Findings);
        Assert.Equal(("recvmsg", Safe), (receive.Creator, receive.Verdict));
        Assert.Contains("MSG_CMSG_CLOEXEC", receive.Reason, System.StringComparison.Ordinal);
    }
}
