using System.Linq;
using System.Threading.Tasks;
using Cloexec.Analyzers.Tests.Infrastructure;
using Cloexec.CodeFixes;
using Cloexec.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Cloexec.Analyzers.Tests;

/// <summary>
/// The code fix turns a raw import into a [CreatesDescriptor] partial method that the generator accepts; Fix All does a
/// whole project.
/// </summary>
public sealed class ToCreatesDescriptorCodeFixTests
{
    private const string FixedMemFd = """
        using System.Runtime.InteropServices;
        using Cloexec;

        internal static partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "memfd_create")]
            private static partial int MemFd(nint name, uint flags, [MarshalAs(UnmanagedType.Bool)] bool sealed_, [MarshalAs(UnmanagedType.U1)] bool other, bool? cloexec = null);
        }
        """;

    private const string FixedSocket = """
        using System.Runtime.InteropServices;
        using Cloexec;

        internal static partial class Outer
        {
            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "socket", SetLastError = true)]
                internal static partial int Socket(int domain, int type, int protocol, bool? cloexec = null);
            }
        }
        """;

    private const string FixedStrings = """
        using System.Runtime.InteropServices;
        using Cloexec;

        internal static partial class Native
        {
            [CreatesDescriptor("libc", StringMarshalling = StringMarshalling.Utf8)]
            private static partial int open(string path, int flags, bool? cloexec = null);

            [CreatesDescriptor("libc", StringMarshalling = StringMarshalling.Utf16)]
            private static partial int creat(string path, int mode, bool? cloexec = null);
        }
        """;

    [Theory]
    [InlineData(FixedMemFd)]
    [InlineData(FixedSocket)]
    [InlineData(FixedStrings)]
    public void What_the_fix_writes_is_a_declaration_the_generator_accepts(string fixedSource)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(fixedSource, path: "Fixed.cs", cancellationToken: TestContext.Current.CancellationToken)],
            LocalReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

        CSharpGeneratorDriver.Create(new CreatesDescriptorGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var generatorDiagnostics, TestContext.Current.CancellationToken);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
    }

    [Fact]
    public Task DllImport_becomes_a_partial_method_in_partial_types_with_a_cloexec_parameter() =>
        Verify<RawDeclarationAnalyzer>.CodeFixAsync<ToCreatesDescriptorCodeFix>(
            """
            using System.Runtime.InteropServices;

            internal static class Outer
            {
                internal static class Native
                {
                    [DllImport("libc", EntryPoint = "socket", SetLastError = true, ExactSpelling = true)]
                    internal static extern int {|CLOEXEC0200:Socket|}(int domain, int type, int protocol);
                }
            }
            """,
            FixedSocket);

    [Fact]
    public Task DllImport_CharSet_becomes_StringMarshalling() =>
        Verify<RawDeclarationAnalyzer>.CodeFixAsync<ToCreatesDescriptorCodeFix>(
            """
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static partial class Native
            {
                [DllImport("libc", CharSet = CharSet.Ansi)]
                private static extern int {|CLOEXEC0200:open|}(string path, int flags);

                [DllImport("libc", CharSet = CharSet.Unicode)]
                private static extern int {|CLOEXEC0200:creat|}(string path, int mode);
            }
            """,
            FixedStrings);

    [Fact]
    public Task DllImport_bool_keeps_its_four_byte_meaning() =>
        Verify<RawDeclarationAnalyzer>.CodeFixAsync<ToCreatesDescriptorCodeFix>(
            """
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static partial class Native
            {
                [DllImport("libc", EntryPoint = "memfd_create")]
                private static extern int {|CLOEXEC0200:MemFd|}(nint name, uint flags, bool sealed_, [MarshalAs(UnmanagedType.U1)] bool other);
            }
            """,
            FixedMemFd);

    [Fact]
    public Task LibraryImport_keeps_its_string_marshalling_and_other_attributes() =>
        Verify<RawDeclarationAnalyzer>.CodeFixAsync<ToCreatesDescriptorCodeFix>(
            """
            using System;
            using System.Runtime.InteropServices;

            internal static partial class Native
            {
                /// <summary>Opens.</summary>
                [Obsolete("old"), LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
                internal static partial int {|CLOEXEC0200:Open|}(string path, int flags, int mode);
            }
            """,
            """
            using System;
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static partial class Native
            {
                /// <summary>Opens.</summary>
                [Obsolete("old"), CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
                internal static partial int Open(string path, int flags, int mode, bool? cloexec = null);
            }
            """);

    [Fact]
    public Task Fix_all_converts_every_declaration_in_the_project() =>
        Verify<RawDeclarationAnalyzer>.FixAllInProjectAsync<ToCreatesDescriptorCodeFix>(
            [
                """
                using System.Runtime.InteropServices;

                internal static class Native
                {
                    [DllImport("libc")]
                    internal static extern int {|CLOEXEC0200:dup|}(int fd);

                    [DllImport("libc")]
                    internal static extern int {|CLOEXEC0200:pipe|}(int[] fds);
                }
                """,
                """
                using System.Runtime.InteropServices;

                internal static class Sockets
                {
                    [DllImport("libc", SetLastError = true)]
                    internal static extern int {|CLOEXEC0200:accept|}(int fd, nint addr, nint len);
                }
                """,
            ],
            [
                """
                using System.Runtime.InteropServices;
                using Cloexec;

                internal static partial class Native
                {
                    [CreatesDescriptor("libc")]
                    internal static partial int dup(int fd, bool? cloexec = null);

                    [CreatesDescriptor("libc")]
                    internal static partial int pipe(int[] fds, bool? cloexec = null);
                }
                """,
                """
                using System.Runtime.InteropServices;
                using Cloexec;

                internal static partial class Sockets
                {
                    [CreatesDescriptor("libc", SetLastError = true)]
                    internal static partial int accept(int fd, nint addr, nint len, bool? cloexec = null);
                }
                """,
            ]);
}
