using System.Threading.Tasks;
using Cloexec.Analyzers.Tests.Infrastructure;
using Cloexec.CodeFixes;
using Xunit;

namespace Cloexec.Analyzers.Tests;

/// <summary>The code fix turns a raw import into a [CreatesDescriptor] partial method; Fix All does a whole project.</summary>
public sealed class ToCreatesDescriptorCodeFixTests
{
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
                    internal static extern int {|CLOEXEC0100:Socket|}(int domain, int type, int protocol);
                }
            }
            """,
            """
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
            """);

    [Fact]
    public Task DllImport_CharSet_becomes_StringMarshalling() =>
        Verify<RawDeclarationAnalyzer>.CodeFixAsync<ToCreatesDescriptorCodeFix>(
            """
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static partial class Native
            {
                [DllImport("libc", CharSet = CharSet.Ansi)]
                private static extern int {|CLOEXEC0100:open|}(string path, int flags);

                [DllImport("libc", CharSet = CharSet.Unicode)]
                private static extern int {|CLOEXEC0100:creat|}(string path, int mode);
            }
            """,
            """
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", StringMarshalling = StringMarshalling.Utf8)]
                private static partial int open(string path, int flags, bool? cloexec = null);

                [CreatesDescriptor("libc", StringMarshalling = StringMarshalling.Utf16)]
                private static partial int creat(string path, int mode, bool? cloexec = null);
            }
            """);

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
                internal static partial int {|CLOEXEC0100:Open|}(string path, int flags, int mode);
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
                    internal static extern int {|CLOEXEC0100:dup|}(int fd);

                    [DllImport("libc")]
                    internal static extern int {|CLOEXEC0100:pipe|}(int[] fds);
                }
                """,
                """
                using System.Runtime.InteropServices;

                internal static class Sockets
                {
                    [DllImport("libc", SetLastError = true)]
                    internal static extern int {|CLOEXEC0100:accept|}(int fd, nint addr, nint len);
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
