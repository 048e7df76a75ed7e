using System.Linq;
using Cloexec.Audit.Judging;
using Cloexec.Audit.Reporting;
using Microsoft.CodeAnalysis;
using Xunit;
using static Cloexec.Audit.Judging.Verdict;

namespace Cloexec.Audit.Tests;

/// <summary>
/// The judge over real compiler output: each way a library passes (or fails to pass) the close-on-exec bit, in Debug
/// and Release IL. The bits are the system headers' (asm-generic/fcntl.h O_CLOEXEC 02000000, O_RDWR 2; Windows SDK
/// ucrt/fcntl.h _O_NOINHERIT 0x0080, winsock2.h WSA_FLAG_NO_HANDLE_INHERIT 0x80).
/// </summary>
public sealed class JudgingTests
{
    private const string Imports = """
        using System;
        using System.Runtime.InteropServices;
        public static unsafe class Native
        {
            [DllImport("libc", EntryPoint = "open")] private static extern int open(string path, int flags);
            [DllImport("libc")] private static extern int pipe(int* fds);
            [DllImport("libc")] private static extern IntPtr fopen(string path, string mode);
            [DllImport("libc")] internal static extern int socket(int domain, int type, int protocol);
            [DllImport("libSystem.B.dylib", EntryPoint = "socket")] private static extern int MacSocket(int domain, int type, int protocol);
            [DllImport("MyShim", EntryPoint = "open")] private static extern int ShimOpen(string path, int flags);
        """;

    [Theory]
    [InlineData(OptimizationLevel.Release)]
    [InlineData(OptimizationLevel.Debug)]
    public void Constant_flags_are_safe_with_the_bit_and_leak_without_it(OptimizationLevel optimization)
    {
        AssemblyAudit audit = CompiledAssembly.Audit(Imports + """
                public static int OpenSafe(string p) => open(p, 0x80000 | 2);
                public static int OpenLeaky(string p) => open(p, 2);
                public static int OpenThroughLocal(string p) { int flags = 2 | 0x80000; return open(p, flags); }
            }
            """, optimization);

        Assert.Equal(Safe, Site(audit, "Native.OpenSafe").Verdict);
        Assert.Equal(Leaks, Site(audit, "Native.OpenLeaky").Verdict);
        Assert.Equal(Safe, Site(audit, "Native.OpenThroughLocal").Verdict);
    }

    [Fact]
    public void A_flag_from_a_parameter_is_the_callers_choice_at_the_public_method()
    {
        AssemblyAudit audit = CompiledAssembly.Audit(Imports + """
                public static int Open(string p, int flags) => open(p, flags);
                public static int OpenWithCloexec(string p, int flags) => open(p, flags | 0x80000);
            }
            """);

        Finding choice = Site(audit, "Native.Open");
        Assert.Equal((CallersChoice, "Native.Open"), (choice.Verdict, choice.DecidedBy));
        Assert.Equal(Safe, Site(audit, "Native.OpenWithCloexec").Verdict);
    }

    [Fact]
    public void A_private_helper_is_followed_to_its_callers_constants()
    {
        AssemblyAudit audit = CompiledAssembly.Audit(Imports + """
                private static int OpenHelper(string p, int flags) => open(p, flags);
                public static int ReadOnly(string p) => OpenHelper(p, 0);
                public static int ReadOnlyCloexec(string p) => OpenHelper(p, 0x80000);
                public static int Passed(string p, int f) => OpenHelper(p, f);
            }
            """);

        Assert.Equal(Leaks, Site(audit, "Native.ReadOnly").Verdict);
        Assert.Equal("Native.OpenHelper", Site(audit, "Native.ReadOnly").Via);
        Assert.Equal(Safe, Site(audit, "Native.ReadOnlyCloexec").Verdict);
        Assert.Equal((CallersChoice, "Native.Passed"), (Site(audit, "Native.Passed").Verdict, Site(audit, "Native.Passed").DecidedBy));
        Assert.DoesNotContain(audit.Findings, f => f.Site == "Native.OpenHelper");
    }

    [Fact]
    public void Legacy_creators_leak_at_every_call_and_modes_need_e()
    {
        AssemblyAudit audit = CompiledAssembly.Audit(Imports + """
                public static int Pipe(int* fds) => pipe(fds);
                public static IntPtr Read(string p) => fopen(p, "r");
                public static IntPtr ReadCloexec(string p) => fopen(p, "re");
            }
            """);

        Assert.Equal(Leaks, Site(audit, "Native.Pipe").Verdict);
        Assert.Equal(Leaks, Site(audit, "Native.Read").Verdict);
        Assert.Equal(Safe, Site(audit, "Native.ReadCloexec").Verdict);
    }

    [Fact]
    public void A_static_readonly_flag_set_per_OS_counts_with_the_bit_it_has_on_Linux()
    {
        AssemblyAudit audit = CompiledAssembly.Audit(Imports + """
                private static readonly int SockCloexec = OperatingSystem.IsMacOS() ? 0 : 0x80000;
                private static int s_mutable = 0x80000;
                public static int Stream() => socket(1, 1 | SockCloexec, 0);
                public static int Mutable() => socket(1, 1 | s_mutable, 0);
            }
            """);

        Assert.Equal(Safe, Site(audit, "Native.Stream").Verdict);
        Assert.Equal(Undetermined, Site(audit, "Native.Mutable").Verdict);
    }

    [Fact]
    public void MacOS_socket_has_no_flag_and_other_libraries_are_not_the_C_library()
    {
        AssemblyAudit audit = CompiledAssembly.Audit(Imports + """
                public static int Mac() => MacSocket(1, 1 | 0x80000, 0);
                public static int Shim(string p) => ShimOpen(p, 2);
            }
            """);

        Assert.Equal(Leaks, Site(audit, "Native.Mac").Verdict);
        Assert.DoesNotContain(audit.Findings, f => f.Site == "Native.Shim");
        Assert.DoesNotContain(audit.Creators, c => c.Contains("ShimOpen", System.StringComparison.Ordinal));
    }

    /// <summary>Windows creators in an assembly built for Windows, audited here: the same judge, Windows' own bits.</summary>
    [Fact]
    public void Windows_sockets_and_CRT_descriptors_are_judged_by_their_own_flags()
    {
        AssemblyAudit audit = CompiledAssembly.Audit("""
            using System;
            using System.Runtime.InteropServices;
            public static unsafe class Win
            {
                [DllImport("ws2_32.dll", EntryPoint = "WSASocketW")] private static extern IntPtr WSASocket(int af, int type, int protocol, IntPtr info, uint group, int flags);
                [DllImport("ws2_32.dll")] private static extern IntPtr socket(int af, int type, int protocol);
                [DllImport("ucrtbase.dll")] private static extern int _open(string path, int flags, int mode);
                [DllImport("kernel32.dll", EntryPoint = "CreatePipe")] private static extern bool CreatePipe(out IntPtr read, out IntPtr write, void* attributes, uint size);
                [DllImport("kernel32.dll", EntryPoint = "DuplicateHandle")] private static extern bool DuplicateHandle(IntPtr sp, IntPtr s, IntPtr tp, out IntPtr t, uint access, bool inherit, uint options);
                public static IntPtr Overlapped() => WSASocket(2, 1, 6, IntPtr.Zero, 0, 0x01);
                public static IntPtr NoInherit() => WSASocket(2, 1, 6, IntPtr.Zero, 0, 0x01 | 0x80);
                public static IntPtr Plain() => socket(2, 1, 6);
                public static int CrtOpen(string p) => _open(p, 0x8000, 0);
                public static int CrtOpenNoInherit(string p) => _open(p, 0x8000 | 0x80, 0);
                public static bool Pipe(out IntPtr r, out IntPtr w) => CreatePipe(out r, out w, null, 0);
                public static bool Duplicate(IntPtr h, out IntPtr t) => DuplicateHandle(h, h, h, out t, 0, true, 2);
                public static bool DuplicateNoInherit(IntPtr h, out IntPtr t) => DuplicateHandle(h, h, h, out t, 0, false, 2);
            }
            """);

        Assert.Equal(Leaks, Site(audit, "Win.Overlapped").Verdict);
        Assert.Equal(Safe, Site(audit, "Win.NoInherit").Verdict);
        Assert.Equal(Leaks, Site(audit, "Win.Plain").Verdict);
        Assert.Equal(Leaks, Site(audit, "Win.CrtOpen").Verdict);
        Assert.Equal(Safe, Site(audit, "Win.CrtOpenNoInherit").Verdict);
        Assert.Equal(Safe, Site(audit, "Win.Pipe").Verdict);
        Assert.Equal(Safe, Site(audit, "Win.DuplicateNoInherit").Verdict);

        // bInheritHandle TRUE says "inherit" in the call: the code's choice, as cloexec: false is, and no leak.
        Assert.Equal(InheritableOnPurpose, Site(audit, "Win.Duplicate").Verdict);
        var dependency = new DependencyAudit("Win", "1.0.0", [audit]);
        Assert.Equal((1, 3), (dependency.InheritableOnPurpose, dependency.LeakingCallSites));
        Assert.EndsWith(", 1 inheritable on purpose", AuditRules.Summary(dependency, null), System.StringComparison.Ordinal);

        // The text report lists it; SARIF, whose results are warnings and notes to act on, leaves it out.
        using var text = new System.IO.StringWriter();
        TextReport.Write(text, [dependency]);
        Assert.Contains("InheritableOnPurpose: DuplicateHandle", text.ToString(), System.StringComparison.Ordinal);
        using var sarif = new System.IO.MemoryStream();
        SarifReport.Write(sarif, [dependency]);
        string sarifText = System.Text.Encoding.UTF8.GetString(sarif.ToArray());
        Assert.Contains("Win.Overlapped", sarifText, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Win.Duplicate ", sarifText, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Win.Duplicate\"", sarifText, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_import_is_judged_as_exposed()
    {
        AssemblyAudit audit = CompiledAssembly.Audit("""
            using System.Runtime.InteropServices;
            public static unsafe class Bindings
            {
                [DllImport("libc")] public static extern int dup(int fd);
                [DllImport("libc")] public static extern int socket(int domain, int type, int protocol);
            }
            """);

        Finding dup = Assert.Single(audit.Findings, f => f.Creator == "dup");
        Assert.Equal((Leaks, false), (dup.Verdict, dup.IsCallSite));
        Finding socket = Assert.Single(audit.Findings, f => f.Creator == "socket");
        Assert.Equal((CallersChoice, "Bindings.socket"), (socket.Verdict, socket.DecidedBy));
    }

    private static Finding Site(AssemblyAudit audit, string site) => Assert.Single(audit.Findings, f => f.Site == site);
}
