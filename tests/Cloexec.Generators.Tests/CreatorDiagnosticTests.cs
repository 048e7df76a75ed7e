using System.Linq;
using Cloexec.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>The diagnostics of where descriptors come back: unknown creators, and arguments that cannot receive them.</summary>
public sealed class CreatorDiagnosticTests
{
    [Fact]
    public void Unknown_function_with_an_argument_that_could_hold_descriptors_is_not_guessed()
    {
        AssertReports("""
            using Cloexec;

            internal static unsafe partial class Native
            {
                [CreatesDescriptor("libutil", EntryPoint = "my_openpty", Flag = CloexecFlag.None)]
                internal static partial int OpenPty(out int {|CLOEXEC0019:master|}, out int slave, bool? cloexec = null);

                [CreatesDescriptor("libdemo", EntryPoint = "make_pair", Flag = CloexecFlag.None)]
                internal static partial int MakePair(int* {|CLOEXEC0019:fds|}, bool? cloexec = null);

                [CreatesDescriptor("libdemo", EntryPoint = "make_channel", Flag = CloexecFlag.None)]
                internal static partial int MakeChannel(int flags, System.Span<int> {|CLOEXEC0019:ends|}, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Stated_location_needs_the_parameter_it_names()
    {
        AssertReports("""
            using Cloexec;

            internal static unsafe partial class Native
            {
                [CreatesDescriptor("libdemo", EntryPoint = "make_pair", Flag = CloexecFlag.None, Descriptors = DescriptorLocation.Pair)]
                internal static partial int {|CLOEXEC0020:MakePair|}(int* fds, bool? cloexec = null);

                [CreatesDescriptor("libdemo", EntryPoint = "make_pair", Flag = CloexecFlag.None, Descriptors = DescriptorLocation.Pair, DescriptorsParameter = "nope")]
                internal static partial int {|CLOEXEC0020:MakePair2|}(int* fds, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Stated_locations_generate_without_diagnostics()
    {
        GeneratorRun run = GeneratorRun.Of("""
            using Cloexec;

            internal static unsafe partial class Native
            {
                [CreatesDescriptor("libdemo", EntryPoint = "make_pair", Flag = CloexecFlag.None, Descriptors = DescriptorLocation.Pair, DescriptorsParameter = "fds")]
                internal static partial int MakePair(int* fds, bool? cloexec = null);

                [CreatesDescriptor("libdemo", EntryPoint = "open_with_size", Flag = CloexecFlag.None, Descriptors = DescriptorLocation.ReturnValue)]
                internal static partial int OpenWithSize(byte* path, int* size, bool? cloexec = null);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("SetAfterCreatePair(", run.CombinedSource(), System.StringComparison.Ordinal);
        Assert.Contains("SetAfterCreate(", run.CombinedSource(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Output_argument_passed_by_value_is_reported_at_the_parameter()
    {
        AssertReports("""
            using Cloexec;

            internal struct MessageHeader { public nint Name; }

            internal static unsafe partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "recvmsg", SetLastError = true)]
                internal static partial nint RecvMsg(int fd, MessageHeader {|CLOEXEC0102:msg|}, int flags, bool? cloexec = null);

                [CreatesDescriptor("libc", EntryPoint = "openpty", SetLastError = true)]
                internal static partial int OpenPty(out int master, int {|CLOEXEC0102:slave|}, byte* name, void* termios, void* size, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Mode_string_of_the_wrong_type_is_reported_at_the_parameter()
    {
        AssertReports("""
            using Cloexec;

            internal static unsafe partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "fopen", SetLastError = true)]
                internal static partial nint FOpen(byte* path, int {|CLOEXEC0101:mode|}, bool? cloexec = null);
            }
            """);
    }

    private static void AssertReports(string markedSource)
    {
        (string source, var expected) = DiagnosticMarkup.Parse(markedSource);
        GeneratorRun run = GeneratorRun.Of(source);

        Assert.Equal(expected, run.GeneratorDiagnostics.Select(d => new ExpectedDiagnostic(d.Id, d.Location.GetLineSpan().Span)));
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath != "Source0.cs");
    }
}
