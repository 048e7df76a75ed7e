using System.Linq;
using Cloexec.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>
/// A refused parameter is told precisely what to write, and never asked for what its declaration already has; what
/// <c>[DllImport]</c> marshals is not refused at all.
/// </summary>
public sealed class MarshallingDiagnosticTests
{
    [Fact]
    public void String_without_an_encoding_is_told_every_way_to_give_one()
    {
        string message = SingleMessage("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "open")]
                internal static partial int Open(string {|CLOEXEC0006:path|}, int flags, bool? cloexec = null);
            }
            """);

        Assert.Contains("StringMarshalling = StringMarshalling.Utf8", message, System.StringComparison.Ordinal);
        Assert.Contains("CharSet = CharSet.Ansi", message, System.StringComparison.Ordinal);
        Assert.Contains("[MarshalAs(UnmanagedType.LPStr)]", message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("StringMarshalling = StringMarshalling.Utf8")]
    [InlineData("StringMarshalling = StringMarshalling.Utf16")]
    [InlineData("CharSet = CharSet.Unicode")]
    public void Declaration_that_says_its_strings_is_not_asked_for_them_again(string setting)
    {
        string message = SingleMessage($$"""
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "open", {{setting}})]
                internal static partial int Open([MarshalAs(UnmanagedType.BStr)] string {|CLOEXEC0006:path|}, int flags, bool? cloexec = null);
            }
            """);

        Assert.DoesNotContain("StringMarshalling", message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("CharSet", message, System.StringComparison.Ordinal);
        Assert.Contains("UnmanagedType.BStr", message, System.StringComparison.Ordinal);
        Assert.Contains("LPStr, LPUTF8Str, LPWStr or LPTStr", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void String_under_StringMarshalling_Custom_without_a_type_is_asked_for_the_type_not_for_StringMarshalling()
    {
        (string source, var expected) = DiagnosticMarkup.Parse("""
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Custom)]
                internal static partial int {|CLOEXEC0018:Open|}(string {|CLOEXEC0006:path|}, int flags, bool? cloexec = null);
            }
            """);

        GeneratorRun run = GeneratorRun.Of(source);

        Assert.Equal(expected, run.GeneratorDiagnostics.Select(ToExpected));
        string message = run.GeneratorDiagnostics.Single(d => d.Id == "CLOEXEC0006").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("StringMarshallingCustomType", message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("StringMarshalling = ", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_marshaler_string_is_told_to_go_through_Wraps()
    {
        string message = SingleMessage("""
            using System;
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
                internal static partial int Open([MarshalAs(UnmanagedType.CustomMarshaler, MarshalTypeRef = typeof(PathMarshaler))] string {|CLOEXEC0006:path|}, int flags, bool? cloexec = null);
            }

            internal sealed class PathMarshaler : ICustomMarshaler
            {
                public static ICustomMarshaler GetInstance(string cookie) => new PathMarshaler();
                public void CleanUpManagedData(object managedObj) { }
                public void CleanUpNativeData(IntPtr pNativeData) => Marshal.FreeCoTaskMem(pNativeData);
                public int GetNativeDataSize() => -1;
                public IntPtr MarshalManagedToNative(object managedObj) => Marshal.StringToCoTaskMemUTF8((string)managedObj);
                public object MarshalNativeToManaged(IntPtr pNativeData) => Marshal.PtrToStringUTF8(pNativeData)!;
            }
            """);

        Assert.Contains("ICustomMarshaler", message, System.StringComparison.Ordinal);
        Assert.Contains("[DllImport]", message, System.StringComparison.Ordinal);
        Assert.Contains("Wraps", message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("StringMarshalling", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void StringBuilder_without_an_encoding_is_told_how_to_give_one()
    {
        string message = SingleMessage("""
            using System.Text;
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "mkstemp")]
                internal static partial int Mkstemp(StringBuilder {|CLOEXEC0006:template|}, bool? cloexec = null);
            }
            """);

        Assert.Contains("CharSet = CharSet.Ansi", message, System.StringComparison.Ordinal);
        Assert.Contains("[MarshalAs(UnmanagedType.LPStr)]", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void StringBuilder_under_a_custom_string_marshaller_is_told_to_say_its_encoding()
    {
        string message = SingleMessage("""
            using System.Runtime.InteropServices;
            using System.Text;
            using Cloexec;

            internal static unsafe partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "mkostemp", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Ascii))]
                internal static partial int Mkostemp(StringBuilder {|CLOEXEC0006:template|}, int flags, bool? cloexec = null);
            }

            internal static unsafe class Ascii
            {
                public static byte* ConvertToUnmanaged(string value) => null;
            }
            """);

        Assert.Contains("StringMarshallingCustomType", message, System.StringComparison.Ordinal);
        Assert.Contains("[MarshalAs(UnmanagedType.LPStr)]", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void StringBuilder_by_reference_is_told_to_go_through_Wraps()
    {
        string message = SingleMessage("""
            using System.Text;
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "mkstemp", CharSet = System.Runtime.InteropServices.CharSet.Ansi)]
                internal static partial int Mkstemp(ref StringBuilder {|CLOEXEC0006:template|}, bool? cloexec = null);
            }
            """);

        Assert.Contains("Wraps", message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("CharSet", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Bool_without_a_size_is_told_both_sizes()
    {
        string message = SingleMessage("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libdemo", EntryPoint = "demo_open", FlagsParameter = "flags", Flag = CloexecFlag.Open)]
                internal static partial int DemoOpen(bool {|CLOEXEC0006:readOnly|}, int flags, bool? cloexec = null);
            }
            """);

        Assert.Contains("[MarshalAs(UnmanagedType.Bool)]", message, System.StringComparison.Ordinal);
        Assert.Contains("[MarshalAs(UnmanagedType.U1)]", message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bool", "closeOnExec")]
    [InlineData("bool?", "closeOnExec")]
    [InlineData("bool?", "cloExec")]
    [InlineData("bool", "close_on_exec")]
    [InlineData("bool?", "CloseExec")]
    [InlineData("bool", "inherit")]
    [InlineData("bool?", "noInherit")]
    [InlineData("bool", "inheritable")]
    public void Bool_named_like_the_cloexec_parameter_is_asked_whether_it_meant_cloexec(string type, string name)
    {
        string message = SingleMessage($$"""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "dup")]
                internal static partial int Dup(int fd, {{type}} {|CLOEXEC0006:{{name}}|});
            }
            """);

        Assert.Contains("did you mean 'cloexec'?", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Bool_named_like_cloexec_beside_a_cloexec_parameter_gets_no_such_question()
    {
        string message = SingleMessage("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "dup")]
                internal static partial int Dup(int fd, bool? {|CLOEXEC0006:inherit|}, bool? cloexec = null);
            }
            """);

        Assert.DoesNotContain("did you mean", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Inheritance_argument_with_a_size_is_marshalled_not_questioned()
    {
        GeneratorRun run = GeneratorRun.Of("""
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("kernel32.dll", SetLastError = true)]
                [return: MarshalAs(UnmanagedType.Bool)]
                internal static partial bool DuplicateHandle(nint sourceProcess, nint source, nint targetProcess, out nint target, uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, uint options, bool? cloexec = null);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void CharSet_beside_StringMarshalling_is_reported_at_the_method()
    {
        string message = SingleMessage("""
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, CharSet = CharSet.Ansi)]
                internal static partial int {|CLOEXEC0018:Open|}(string path, int flags, bool? cloexec = null);
            }
            """);

        Assert.Contains("CharSet", message, System.StringComparison.Ordinal);
        Assert.Contains("StringMarshalling", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_bool_result_outside_the_DllImport_style_is_still_asked_for_its_size()
    {
        (string source, var expected) = DiagnosticMarkup.Parse("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
                internal static partial bool {|CLOEXEC0007:CreatePipe|}(out nint read, out nint write, nint securityAttributes, uint size, bool? cloexec = null);
            }
            """);

        GeneratorRun run = GeneratorRun.Of(source);

        Assert.Equal(expected, run.GeneratorDiagnostics.Select(ToExpected));
        Assert.Contains("[return: MarshalAs(UnmanagedType.Bool)]", run.GeneratorDiagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    /// <summary>Checks the one expected diagnostic's ID and place, and returns its message.</summary>
    private static string SingleMessage(string markedSource)
    {
        (string source, var expected) = DiagnosticMarkup.Parse(markedSource);

        GeneratorRun run = GeneratorRun.Of(source);

        Assert.Equal(expected, run.GeneratorDiagnostics.Select(ToExpected));
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath != "Source0.cs");
        return run.GeneratorDiagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ExpectedDiagnostic ToExpected(Diagnostic diagnostic) =>
        new(diagnostic.Id, diagnostic.Location.GetLineSpan().Span);
}
