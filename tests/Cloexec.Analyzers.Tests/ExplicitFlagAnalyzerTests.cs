using System.Threading.Tasks;
using Cloexec.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Cloexec.Analyzers.Tests;

/// <summary>CLOEXEC0201: a flags argument that sets or clears the close-on-exec bit itself.</summary>
public sealed class ExplicitFlagAnalyzerTests
{
    private const string Native = """
        using System;
        using Cloexec;

        internal static unsafe partial class Native
        {
            internal const int O_CLOEXEC = 0x80000;
            internal const int O_RDONLY = 0;
            internal const int SOCK_STREAM = 1;

            [CreatesDescriptor("libc", EntryPoint = "open")]
            internal static partial int Open(byte* path, int flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "socket")]
            internal static partial int Socket(int domain, int type, int protocol, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "memfd_create")]
            internal static partial int MemFdCreate(byte* name, uint flags, bool? cloexec = null);

            [CreatesDescriptor("libdemo", EntryPoint = "demo_open", FlagsParameter = "mode", Flag = CloexecFlag.Open)]
            internal static partial int DemoOpen(int mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "eventfd")]
            internal static partial int EventFd(uint initval, EventFdFlags flags, bool? cloexec = null);

            [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "socket")]
            private static partial int RawSocket(int domain, int type, int protocol);

            [CreatesDescriptor(Wraps = nameof(RawSocket))]
            internal static partial int WrappedSocket(int domain, int type, int protocol, bool? cloexec = null);
        }

        [Flags]
        internal enum EventFdFlags
        {
            None = 0,
            NonBlock = 0x800,
            CloseOnExec = 0x80000,
        }
        """;

    [Fact]
    public Task Named_constant_with_the_flag_is_reported_at_the_argument() => AssertCalls("""
        Native.Open(null, {|CLOEXEC0201:Native.O_RDONLY | Native.O_CLOEXEC|});
        """);

    [Fact]
    public Task Literal_with_the_socket_flag_is_reported() => AssertCalls("""
        Native.Socket(1, {|CLOEXEC0201:Native.SOCK_STREAM | 0x80000|}, 0);
        """);

    [Fact]
    public Task Named_argument_and_the_memfd_bit_are_found() => AssertCalls("""
        Native.MemFdCreate(flags: {|CLOEXEC0201:1u|}, name: null);
        """);

    [Fact]
    public Task FlagsParameter_of_an_unknown_entry_point_is_checked() => AssertCalls("""
        Native.DemoOpen({|CLOEXEC0201:0x80002|});
        """);

    [Fact]
    public Task Enum_member_with_the_bit_is_reported() => AssertCalls("""
        Native.EventFd(0, {|CLOEXEC0201:EventFdFlags.NonBlock | EventFdFlags.CloseOnExec|});
        """);

    [Fact]
    public Task Entry_point_of_a_wrapped_import_is_found_through_Wraps() => AssertCalls("""
        Native.WrappedSocket(1, {|CLOEXEC0201:0x80001|}, 0);
        """);

    [Fact]
    public Task Clearing_the_flag_by_hand_is_reported() => AssertCalls("""
        int flags = 2;
        Native.Open(null, {|CLOEXEC0201:flags & ~Native.O_CLOEXEC|});
        """);

    [Fact]
    public Task Flags_without_the_bit_and_values_known_only_at_run_time_are_left_alone() => AssertCalls("""
        int flags = Native.O_CLOEXEC;
        Native.Open(null, Native.O_RDONLY);
        Native.Open(null, flags);
        Native.Socket(1, Native.SOCK_STREAM, 0x80000);
        Native.Open(null, Native.O_RDONLY, cloexec: false);
        """);

    private static Task AssertCalls(string statements) => Verify<ExplicitFlagAnalyzer>.AnalyzerAsync(Native + $$"""


        internal static unsafe class Caller
        {
            internal static void Call()
            {
                {{statements}}
            }
        }
        """);
}
