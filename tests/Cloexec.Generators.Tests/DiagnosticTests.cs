using System.Linq;
using Cloexec.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>
/// Each mistake a declaration can hold is reported with its CLOEXEC ID at the place to fix, and the method still
/// gets a body (a throwing stub) so the compiler adds no "partial method has no implementation" noise.
/// </summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void Method_that_is_not_static_is_reported_at_its_name()
    {
        AssertReports("""
            using Cloexec;

            internal partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "dup")]
                internal partial int {|CLOEXEC0001:Dup|}(int fd, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Containing_type_that_is_not_partial_is_reported_at_the_type_name()
    {
        // No stub can go into a type that is not partial: the compiler's own CS0751 and CS8795 stay.
        AssertReports(
            """
            using Cloexec;

            internal static partial class Outer
            {
                internal static class {|CLOEXEC0002:Native|}
                {
                    [CreatesDescriptor("libc", EntryPoint = "dup")]
                    internal static partial int Dup(int fd, bool? cloexec = null);
                }
            }
            """,
            expectStub: false);
    }

    [Fact]
    public void Method_without_library_or_wraps_is_reported_at_its_name()
    {
        AssertReports("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor(EntryPoint = "dup")]
                internal static partial int {|CLOEXEC0003:Dup|}(int fd, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Unknown_entry_point_without_flag_settings_is_reported_at_the_method_name()
    {
        AssertReports("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libdemo", EntryPoint = "demo_open")]
                internal static partial int {|CLOEXEC0004:DemoOpen|}(int flags, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void FlagsParameter_naming_no_parameter_is_reported_at_the_method_name()
    {
        AssertReports("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libdemo", EntryPoint = "demo_open", FlagsParameter = "oflags", Flag = CloexecFlag.Open)]
                internal static partial int {|CLOEXEC0005:DemoOpen|}(int flags, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Known_flags_argument_of_a_wrong_type_is_reported_at_the_parameter()
    {
        AssertReports("""
            using Cloexec;

            internal static unsafe partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "open")]
                internal static partial int Open(byte* path, long {|CLOEXEC0005:flags|}, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Flags_argument_passed_by_reference_is_reported_at_the_parameter()
    {
        AssertReports("""
            using Cloexec;

            internal static unsafe partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "open")]
                internal static partial int Open(byte* path, ref int {|CLOEXEC0005:flags|}, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Parameter_the_generator_cannot_marshal_is_reported_at_the_parameter()
    {
        AssertReports("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "open")]
                internal static partial int Open(string {|CLOEXEC0006:path|}, int flags, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Return_type_that_cannot_carry_the_descriptor_is_reported_at_the_method_name()
    {
        AssertReports("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "dup")]
                internal static partial long {|CLOEXEC0007:Dup|}(int fd, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Struct_return_that_is_not_one_integer_or_comes_through_Wraps_is_reported()
    {
        AssertReports("""
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static unsafe partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "recvmsg")]
                internal static partial TwoFields {|CLOEXEC0007:RecvMsg|}(int fd, void* msg, int flags, bool? cloexec = null);

                [DllImport("libc", EntryPoint = "recvmsg")]
                private static extern ssize_t RawRecvMsg(int fd, void* msg, int flags);

                [CreatesDescriptor(Wraps = nameof(RawRecvMsg))]
                internal static partial ssize_t {|CLOEXEC0007:WrappedRecvMsg|}(int fd, void* msg, int flags, bool? cloexec = null);
            }

            internal readonly struct TwoFields
            {
                public readonly nint Count;
                public readonly nint Spare;
            }

            internal readonly struct ssize_t
            {
                public readonly nint Value;
            }
            """);
    }

    [Fact]
    public void Custom_string_marshaller_whose_ConvertToUnmanaged_is_private_is_reported()
    {
        AssertReports("""
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static unsafe partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Hidden))]
                internal static partial int Open(string {|CLOEXEC0006:path|}, int flags, bool? cloexec = null);
            }

            internal static unsafe class Hidden
            {
                private static byte* ConvertToUnmanaged(string value) => null;
            }
            """);
    }

    [Fact]
    public void Cloexec_parameter_of_a_wrong_type_is_reported_at_the_parameter()
    {
        AssertReports("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "dup")]
                internal static partial int Dup(int fd, int {|CLOEXEC0008:cloexec|});
            }
            """);
    }

    [Fact]
    public void Wraps_naming_nothing_is_reported_at_the_method_name()
    {
        AssertReports("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor(Wraps = "RawDup")]
                internal static partial int {|CLOEXEC0009:Dup|}(int fd, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Wraps_naming_a_method_with_another_signature_is_reported_at_the_method_name()
    {
        AssertReports("""
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static partial class Native
            {
                [DllImport("libc", EntryPoint = "dup")]
                private static extern int RawDup(long fd);

                [CreatesDescriptor(Wraps = nameof(RawDup))]
                internal static partial int {|CLOEXEC0015:Dup|}(int fd, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Wraps_naming_a_method_that_is_not_an_import_is_reported_at_the_method_name()
    {
        AssertReports("""
            using Cloexec;

            internal static partial class Native
            {
                private static int RawDup(int fd) => fd;

                [CreatesDescriptor(Wraps = nameof(RawDup))]
                internal static partial int {|CLOEXEC0014:Dup|}(int fd, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Library_and_wraps_together_are_reported_at_the_method_name()
    {
        AssertReports("""
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static partial class Native
            {
                [DllImport("libc", EntryPoint = "dup")]
                private static extern int RawDup(int fd);

                [CreatesDescriptor("libc", Wraps = nameof(RawDup))]
                internal static partial int {|CLOEXEC0013:Dup|}(int fd, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Empty_library_name_without_wraps_is_reported_at_the_method_name()
    {
        AssertReports("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("", EntryPoint = "dup")]
                internal static partial int {|CLOEXEC0003:Dup|}(int fd, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Generic_method_is_reported_at_its_name_and_gets_a_stub_with_its_constraints()
    {
        AssertReports("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "dup")]
                internal static partial int {|CLOEXEC0012:Dup|}<T, U>(T fd, U other, bool? cloexec = null)
                    where T : unmanaged, System.IComparable<T>
                    where U : class?, new();
            }
            """);
    }

    [Fact]
    public void Generic_containing_type_is_reported_at_the_type_name_and_gets_a_stub()
    {
        AssertReports("""
            using Cloexec;

            internal static partial class {|CLOEXEC0012:Outer|}<T>
                where T : struct
            {
                internal static partial class Native
                {
                    [CreatesDescriptor("libc", EntryPoint = "dup")]
                    internal static partial int Dup(int fd, bool? cloexec = null);
                }
            }
            """);
    }

    [Fact]
    public void Ref_return_is_reported_at_the_return_type()
    {
        AssertReports("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "dup")]
                internal static partial {|CLOEXEC0017:ref int|} Dup(int fd, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Flag_of_another_family_than_the_entry_point_is_reported_at_the_method_name()
    {
        AssertReports("""
            using Cloexec;

            internal static unsafe partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "open", Flag = CloexecFlag.Socket)]
                internal static partial int {|CLOEXEC0016:Open|}(byte* path, int flags, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void FlagsParameter_without_a_flag_family_is_reported_at_the_method_name()
    {
        AssertReports("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libdemo", EntryPoint = "demo_open", FlagsParameter = "flags")]
                internal static partial int {|CLOEXEC0016:DemoOpen|}(int flags, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void StringMarshalling_Custom_without_a_type_is_reported_at_the_method_name()
    {
        AssertReports("""
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static unsafe partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Custom)]
                internal static partial int {|CLOEXEC0018:Open|}(byte* path, int flags, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void StringMarshallingCustomType_without_Custom_is_reported_at_the_method_name()
    {
        AssertReports("""
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static unsafe partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "open", StringMarshallingCustomType = typeof(object))]
                internal static partial int {|CLOEXEC0018:Open|}(byte* path, int flags, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Project_without_unsafe_code_is_reported_at_the_method_name()
    {
        AssertReports(
            """
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "dup")]
                internal static partial int {|CLOEXEC0010:Dup|}(int fd, bool? cloexec = null);
            }
            """,
            allowUnsafe: false);
    }

    [Fact]
    public void Missing_flags_argument_is_reported_at_the_method_name()
    {
        AssertReports("""
            using Cloexec;

            internal static unsafe partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "open")]
                internal static partial int {|CLOEXEC0011:Open|}(byte* path, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Variadic_argument_of_open_is_a_warning_where_the_code_may_run_on_Apple()
    {
        // A warning: the body is still generated, no stub.
        AssertReports("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true)]
                internal static unsafe partial int Open(byte* path, int flags, int {|CLOEXEC0100:mode|}, bool? cloexec = null);

                [CreatesDescriptor("libc", EntryPoint = "fcntl", Flag = CloexecFlag.None)]
                internal static partial int Fcntl(int fd, int command, int {|CLOEXEC0100:argument|}, bool? cloexec = null);

                [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true)]
                internal static unsafe partial int OpenWithoutMode(byte* path, int flags, bool? cloexec = null);
            }
            """,
            expectStub: false);
    }

    [Theory]
    [InlineData("[assembly: System.Runtime.Versioning.SupportedOSPlatform(\"linux\")]", "")]
    [InlineData("[assembly: System.Runtime.Versioning.SupportedOSPlatform(\"windows\")]", "")]
    [InlineData("", "[System.Runtime.Versioning.UnsupportedOSPlatform(\"macOS\")]")]
    [InlineData("", "[System.Runtime.Versioning.SupportedOSPlatform(\"freebsd\")]")]
    public void Variadic_argument_is_allowed_where_the_code_cannot_run_on_Apple(string assemblyAttribute, string typeAttribute)
    {
        AssertReports($$"""
            using Cloexec;
            {{assemblyAttribute}}

            {{typeAttribute}}
            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "openat", SetLastError = true)]
                internal static unsafe partial int OpenAt(int dirfd, byte* path, int flags, int mode, bool? cloexec = null);
            }
            """,
            expectStub: false);
    }

    [Fact]
    public void Variadic_argument_is_a_warning_when_the_supported_platforms_include_macOS()
    {
        AssertReports("""
            using Cloexec;
            [assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
            [assembly: System.Runtime.Versioning.SupportedOSPlatform("macos14.0")]

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "ioctl", Flag = CloexecFlag.None)]
                internal static partial int Ioctl(int fd, nuint request, nint {|CLOEXEC0100:argument|}, bool? cloexec = null);
            }
            """,
            expectStub: false);
    }

    [Fact]
    public void Security_attributes_argument_that_is_not_a_pointer_is_reported_at_the_parameter()
    {
        AssertReports("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
                internal static partial int CreatePipe(out nint read, out nint write, int {|CLOEXEC0101:attributes|}, uint size, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void A_misfit_inheritance_argument_is_the_one_report_when_the_result_is_a_BOOL()
    {
        // Judged against a return value CreatePipe and DuplicateHandle do not have, the BOOL result drew a CLOEXEC0007 too.
        AssertReports("""
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static unsafe partial class Native
            {
                [CreatesDescriptor("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
                [return: MarshalAs(UnmanagedType.Bool)]
                internal static partial bool CreatePipe(out nint read, out nint write, int {|CLOEXEC0101:attributes|}, uint size, bool? cloexec = null);

                [CreatesDescriptor("kernel32", EntryPoint = "DuplicateHandle", SetLastError = true)]
                [return: MarshalAs(UnmanagedType.Bool)]
                internal static partial bool DuplicateHandle(nint sourceProcess, nint source, nint targetProcess, out nint target, uint access,
                    int* {|CLOEXEC0101:inherit|}, uint options, bool? cloexec = null);
            }
            """);
    }

    [Fact]
    public void Winsock_socket_returned_as_int_is_reported()
    {
        // A SOCKET is pointer-sized: an int would cut it.
        AssertReports("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("ws2_32", EntryPoint = "socket", SetLastError = true)]
                internal static partial int {|CLOEXEC0007:Socket|}(int family, int type, int protocol, bool? cloexec = null);
            }
            """);
    }

    private static void AssertReports(string markedSource, bool allowUnsafe = true, bool expectStub = true)
    {
        (string source, var expected) = DiagnosticMarkup.Parse(markedSource);

        GeneratorRun run = GeneratorRun.Of(source, allowUnsafe);

        Assert.Equal(expected, run.GeneratorDiagnostics.Select(ToExpected));
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("Source0.cs", d.Location.GetLineSpan().Path));
        if (expectStub)
        {
            Assert.Contains("throw new global::System.NotSupportedException(", run.CombinedSource(), System.StringComparison.Ordinal);
            Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id == "CS8795");

            // The stub itself compiles: the CLOEXEC diagnostic is the one error, wherever unsafe code is allowed or not.
            Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath != "Source0.cs");
        }
    }

    private static ExpectedDiagnostic ToExpected(Diagnostic diagnostic) =>
        new(diagnostic.Id, diagnostic.Location.GetLineSpan().Span);
}
