using System.Linq;
using Cloexec.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>
/// What the IDE hands the generator between keystrokes: attribute arguments not yet typed, types that do not resolve,
/// a declaration pasted twice. The generator must not throw, and must not add errors of its own to the compiler's.
/// </summary>
public sealed class HalfTypedCodeTests
{
    [Theory]
    [InlineData("""[CreatesDescriptor(]""")]
    [InlineData("""[CreatesDescriptor("libc", ]""")]
    [InlineData("""[CreatesDescriptor("libc", EntryPoint = )]""")]
    [InlineData("""[CreatesDescriptor("libc", EntryPoint = "open", Flag = CloexecFlag.)]""")]
    [InlineData("""[CreatesDescriptor("libc", EntryPoint = "open", FlagsParameter = )]""")]
    [InlineData("""[CreatesDescriptor("libc", EntryPoint = "open", StringMarshalling = )]""")]
    [InlineData("""[CreatesDescriptor("libc", EntryPoint = 42)]""")]
    [InlineData("""[CreatesDescriptor(42)]""")]
    [InlineData("""[CreatesDescriptor(Wraps = )]""")]
    [InlineData("""[CreatesDescriptor("libc", EntryPoint = "open", Flag = (CloexecFlag)99)]""")]
    public void Unfinished_attribute_arguments_do_not_crash_the_generator(string attribute)
    {
        GeneratorRun run = GeneratorRun.Of($$"""
            using Cloexec;

            internal static unsafe partial class Native
            {
                {{attribute}}
                internal static partial int Open(byte* path, int flags, bool? cloexec = null);
            }
            """);

        Assert.Empty(CrashCheck.GeneratorCrashes(run));
        AssertGeneratedCodeAddsNoErrors(run);
    }

    [Fact]
    public void Unresolved_parameter_type_is_left_to_the_compiler()
    {
        GeneratorRun run = GeneratorRun.Of("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "open")]
                internal static partial int Open(PathBuffer path, int flags, bool? cloexec = null);
            }
            """);

        Assert.Empty(CrashCheck.GeneratorCrashes(run));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("throw new global::System.NotSupportedException(", run.CombinedSource(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(run.Output.GetDiagnostics(TestContext.Current.CancellationToken), d => d.Id == "CS8795");
    }

    [Fact]
    public void Unresolved_return_type_is_left_to_the_compiler()
    {
        GeneratorRun run = GeneratorRun.Of("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "dup")]
                internal static partial SafeFdHandle Dup(int fd, bool? cloexec = null);
            }
            """);

        Assert.Empty(CrashCheck.GeneratorCrashes(run));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.Output.GetDiagnostics(TestContext.Current.CancellationToken), d => d.Id == "CS8795");
    }

    [Fact]
    public void Unresolved_cloexec_type_is_left_to_the_compiler()
    {
        GeneratorRun run = GeneratorRun.Of("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "dup")]
                internal static partial int Dup(int fd, Maybe cloexec);
            }
            """);

        Assert.Empty(CrashCheck.GeneratorCrashes(run));
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void Declaration_pasted_twice_gets_one_body_and_no_crash()
    {
        GeneratorRun run = GeneratorRun.Of("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "dup")]
                internal static partial int Dup(int fd, bool? cloexec = null);

                [CreatesDescriptor("libc", EntryPoint = "dup")]
                internal static partial int Dup(int fd, bool? cloexec = null);
            }
            """);

        Assert.Empty(CrashCheck.GeneratorCrashes(run));
        Assert.Single(run.Sources);
        Assert.Contains(run.Output.GetDiagnostics(TestContext.Current.CancellationToken), d => d.Id == "CS0756"); // the compiler's word on the duplicate
    }

    [Fact]
    public void Declaration_pasted_into_two_files_gets_one_body_and_no_crash()
    {
        const string Part = """
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "dup")]
                internal static partial int Dup(int fd, bool? cloexec = null);
            }
            """;

        GeneratorRun run = GeneratorRun.Of(TestCompilation.Create([Part, Part]));

        Assert.Empty(CrashCheck.GeneratorCrashes(run));
        Assert.Single(run.Sources);
    }

    [Fact]
    public void Overloads_that_differ_only_in_cloexec_get_a_body_each()
    {
        GeneratorRun run = GeneratorRun.Of("""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "dup")]
                internal static partial int Dup(int fd, bool? cloexec = null);

                [CreatesDescriptor("libc", EntryPoint = "dup")]
                internal static partial int Dup(int fd);
            }
            """);

        Assert.Empty(CrashCheck.GeneratorCrashes(run));
        Assert.Equal(2, run.Sources.Length);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Theory]
    [InlineData("internal static partial int (int fd, bool? cloexec = null);")]
    [InlineData("internal static partial int Dup(int fd, bool? cloexec = null")]
    [InlineData("internal static partial int Dup(int fd, bool? cloexec = );")]
    [InlineData("internal static partial int Dup(int , bool? cloexec = null);")]
    [InlineData("internal static partial Dup(int fd);")]
    [InlineData("internal static partial int Dup(int fd,);")]
    [InlineData("internal static partial int Dup(this int fd);")]
    [InlineData("internal static partial int Dup(params int[] fds);")]
    [InlineData("internal static partial int Dup(int fd, bool? cloexec = null, bool? cloexec = null);")]
    public void Unfinished_signatures_do_not_crash_the_generator(string declaration)
    {
        GeneratorRun run = GeneratorRun.Of($$"""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", EntryPoint = "dup")]
                {{declaration}}
            }
            """);

        Assert.Empty(CrashCheck.GeneratorCrashes(run));
    }

    /// <summary>
    /// Every error after generation is one the compiler already gave the user's code alone (same id, same place), and
    /// none is in a generated file: whatever the generator wrote for half-typed code, it made nothing worse.
    /// </summary>
    private static void AssertGeneratedCodeAddsNoErrors(GeneratorRun run)
    {
        SyntaxTree[] generated = run.Result.GeneratedSources.Select(s => s.SyntaxTree).ToArray();
        Compilation userCodeAlone = run.Output.RemoveSyntaxTrees(generated);
        string[] before = Errors(userCodeAlone).Select(Describe).ToArray();

        Diagnostic[] after = Errors(run.Output);

        Assert.Empty(after.Where(d => generated.Contains(d.Location.SourceTree)).Select(d => d.ToString()));
        Assert.Empty(after.Select(Describe).Except(before));
    }

    private static Diagnostic[] Errors(Compilation compilation) =>
        compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();

    private static string Describe(Diagnostic diagnostic) => $"{diagnostic.Id} at {diagnostic.Location.GetLineSpan()}";
}
