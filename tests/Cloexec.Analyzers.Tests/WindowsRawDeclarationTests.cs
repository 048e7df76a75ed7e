using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Cloexec.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cloexec.Analyzers.Tests;

/// <summary>
/// Raw Winsock and C-runtime creators, whose handles every child started with handle inheritance gets unless each call
/// says otherwise, are reported (CLOEXEC0200) and converted by the same Fix All into code that compiles with the
/// generator; the ones whose calls state the inheritance (SECURITY_ATTRIBUTES, bInheritHandle) are CLOEXEC0202, converted
/// by the same run (Win32BindingStyleTests has every shape of those). Running the converted Windows code is
/// tests/Cloexec.Windows.Tests' job, under Wine.
/// </summary>
public sealed class WindowsRawDeclarationTests
{
    private const string Source = """
        using System;
        using System.Runtime.InteropServices;
        using Microsoft.Win32.SafeHandles;

        [assembly: System.Runtime.Versioning.SupportedOSPlatform("windows")]

        internal static class Winsock
        {
            private const string WS2_32 = "ws2_32.dll";

            [DllImport(WS2_32, SetLastError = true, CharSet = CharSet.Ansi)]
            public static extern IntPtr socket([In] int af, [In] int type, [In] int protocol);

            [DllImport("ws2_32", ExactSpelling = true, SetLastError = true)]
            internal static extern IntPtr accept(IntPtr socketHandle, byte[] socketAddress, ref int socketAddressSize);

            // CharSet.Unicode without ExactSpelling binds WSASocketW.
            [DllImport("Ws2_32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
            internal static extern IntPtr WSASocket(int af, int type, int protocol, IntPtr info, int group, int flags);
        }

        internal static class Crt
        {
            [DllImport("ucrtbase.dll", CallingConvention = CallingConvention.Cdecl)]
            internal static extern int _open(string path, int oflag, int pmode);

            [DllImport("api-ms-win-crt-stdio-l1-1-0.dll", CallingConvention = CallingConvention.Cdecl, CharSet = CharSet.Unicode)]
            internal static extern int _wopen(string path, int oflag, int pmode);

            [DllImport("msvcrt", CallingConvention = CallingConvention.Cdecl)]
            internal static extern int _pipe(int[] fds, uint size, int textmode);

            [DllImport("msvcrt.dll")]
            internal static extern int _dup(int fd);

            [DllImport("ucrtbase", CallingConvention = CallingConvention.Cdecl)]
            internal static extern int _dup2(int fd1, int fd2);
        }

        internal static class Kernel32
        {
            [StructLayout(LayoutKind.Sequential)]
            internal struct SECURITY_ATTRIBUTES
            {
                public int nLength;
                public IntPtr lpSecurityDescriptor;
                public int bInheritHandle;
            }

            // Every call says what it wants (null: nothing inherited): CLOEXEC0202, an Info; converted all the same.
            [DllImport("kernel32.dll", SetLastError = true)]
            internal static extern bool CreatePipe(out SafeFileHandle read, out SafeFileHandle write, ref SECURITY_ATTRIBUTES attributes, int size);
        }
        """;

    [Fact]
    public async Task Winsock_and_CRT_creators_are_reported_and_convert_to_code_that_compiles()
    {
        (Project raw, Project converted) = await ConversionPipeline.ConvertAsync([Source]);

        ImmutableArray<Diagnostic> reported = await ConversionPipeline.RawImportDiagnosticsAsync(raw);
        Assert.Equal("CreatePipe", Assert.Single(reported, d => d.Id == "CLOEXEC0202").GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\'')[3]);
        Assert.Equal(
            ["WSASocketW", "_dup", "_dup2", "_open", "_pipe", "_wopen", "accept", "socket"],
            reported.Where(d => d.Id == "CLOEXEC0200").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\'')[3]).Order(System.StringComparer.Ordinal));
        Assert.Contains("inherits the handles it creates", reported.Single(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'socket'", System.StringComparison.Ordinal)).GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Contains("inherits the descriptors it creates", reported.Single(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'_dup'", System.StringComparison.Ordinal)).GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);

        Assert.Empty(await ConversionPipeline.RawImportDiagnosticsAsync(converted));
        string text = (await converted.Documents.Single().GetTextAsync(TestContext.Current.CancellationToken)).ToString();
        Assert.Contains("EntryPoint = \"WSASocketW\"", text, System.StringComparison.Ordinal);
        Assert.Contains("[CreatesDescriptor(Wraps = nameof(RawCreatePipe))]", text, System.StringComparison.Ordinal);
        Assert.Contains("private static extern bool RawCreatePipe", text, System.StringComparison.Ordinal);

        var oldWarnings = (await raw.GetCompilationAsync(TestContext.Current.CancellationToken))!.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Id).ToHashSet();
        (_, ImmutableArray<Diagnostic> after) = await ConversionPipeline.BuildAsync(converted);
        var broken = after.Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && !oldWarnings.Contains(d.Id))).ToList();
        Assert.True(broken.Count == 0, string.Join("\n", broken) + "\n" + text);
    }
}
