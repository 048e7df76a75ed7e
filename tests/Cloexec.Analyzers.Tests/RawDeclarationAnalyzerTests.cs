using System.Threading.Tasks;
using Cloexec.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Cloexec.Analyzers.Tests;

/// <summary>CLOEXEC0200: raw imports of descriptor-creating C-library functions, and what is left alone.</summary>
public sealed class RawDeclarationAnalyzerTests
{
    [Fact]
    public Task DllImport_of_socket_is_reported_at_the_method_name() => Verify<RawDeclarationAnalyzer>.AnalyzerAsync("""
        using System.Runtime.InteropServices;

        internal static class Native
        {
            [DllImport("libc", SetLastError = true)]
            internal static extern int {|CLOEXEC0200:socket|}(int domain, int type, int protocol);
        }
        """);

    [Fact]
    public Task Entry_point_is_matched_by_EntryPoint_not_the_method_name() => Verify<RawDeclarationAnalyzer>.AnalyzerAsync("""
        using System.Runtime.InteropServices;

        internal static partial class Native
        {
            [LibraryImport("libc.so.6", EntryPoint = "accept")]
            internal static partial int {|CLOEXEC0200:Accept|}(int fd, nint addr, nint len);

            [DllImport("libc", EntryPoint = "close")]
            internal static extern int open(int fd);
        }
        """);

    [Theory]
    [InlineData("libc")]
    [InlineData("libc.so.6")]
    [InlineData("c")]
    [InlineData("libSystem")]
    [InlineData("libSystem.B.dylib")]
    [InlineData("libc.so.7")]
    [InlineData("libc.musl-x86_64.so.1")]
    [InlineData("libc.musl-aarch64.so.1")]
    [InlineData("libSystem.dylib")]
    [InlineData("/usr/lib/libSystem.B.dylib")]
    [InlineData("/lib/x86_64-linux-gnu/libc.so.6")]
    public Task Every_libc_like_library_name_is_recognised(string library) => Verify<RawDeclarationAnalyzer>.AnalyzerAsync($$"""
        using System.Runtime.InteropServices;

        internal static class Native
        {
            [DllImport("{{library}}")]
            internal static extern int {|CLOEXEC0200:dup|}(int fd);
        }
        """);

    [Fact]
    public Task Other_libraries_and_other_functions_are_left_alone() => Verify<RawDeclarationAnalyzer>.AnalyzerAsync("""
        using System.Runtime.InteropServices;

        internal static class Native
        {
            [DllImport("libmylib")]
            internal static extern int open(int fd);

            [DllImport("libc")]
            internal static extern int close(int fd);

            internal static int pipe(int fd) => fd;
        }
        """);

    [Fact]
    public Task Raw_import_a_CreatesDescriptor_method_wraps_is_left_alone() => Verify<RawDeclarationAnalyzer>.AnalyzerAsync("""
        using System.Runtime.InteropServices;
        using Cloexec;

        internal static partial class Native
        {
            [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
            private static partial int RawSocket(int domain, int type, int protocol);

            [CreatesDescriptor(Wraps = nameof(RawSocket))]
            internal static partial int Socket(int domain, int type, int protocol, bool? cloexec = null);
        }
        """);

    [Theory]
    [InlineData("libutil.so.1")]
    [InlineData("libutil")]
    [InlineData("util")]
    [InlineData("libutil.so.9")]
    [InlineData("libc")]
    public Task openpty_is_reported_from_libutil_and_from_the_C_library(string library) => Verify<RawDeclarationAnalyzer>.AnalyzerAsync($$"""
        using System;
        using System.Runtime.InteropServices;

        internal static class Pty
        {
            [DllImport("{{library}}", SetLastError = true)]
            internal static extern int {|CLOEXEC0200:openpty|}(out int master, out int slave, IntPtr name, IntPtr termios, IntPtr winp);

            [DllImport("{{library}}", SetLastError = true)]
            internal static extern int login_tty(int fd);

            [DllImport("{{library}}", SetLastError = true)]
            internal static extern int forkpty(out int master, IntPtr name, IntPtr termios, IntPtr winp);
        }
        """);

    [Fact]
    public Task libutil_is_not_a_C_library_for_other_creators() => Verify<RawDeclarationAnalyzer>.AnalyzerAsync("""
        using System.Runtime.InteropServices;

        internal static class Native
        {
            [DllImport("libutil.so.1")]
            internal static extern int dup(int fd);

            [DllImport("libc.musl.so")]
            internal static extern int pipe(int[] fds);
        }
        """);
}
