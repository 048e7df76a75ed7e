using System.Collections.Generic;
using System.Linq;
using Cloexec.Generators.Tests.Cases;
using Cloexec.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>
/// An edit that does not touch a [CreatesDescriptor] declaration must not redo the generator's work: the models
/// compare equal, hold no Roslyn objects, and every tracked step comes out Cached or Unchanged.
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] s_trackedSteps = [TrackingNames.Read, TrackingNames.Plan, TrackingNames.Parse, TrackingNames.AllowUnsafe, TrackingNames.Checked];

    private const string UnrelatedSource = """
        namespace Demo;

        internal static class Unrelated
        {
            public static int Answer() => 42;
        }
        """;

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        CSharpCompilation compilation = TestCompilation.Create([FlaggedEntryPointSources.OpenFamily, ParameterKindSources.SafeHandles]);

        GeneratorRunResult second = RunTwice(compilation, compilation.AddSyntaxTrees(TestCompilation.Parse(UnrelatedSource, "Unrelated.cs")));

        AssertNothingRecomputed(second);
    }

    [Fact]
    public void Editing_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        SyntaxTree unrelated = TestCompilation.Parse(UnrelatedSource, "Unrelated.cs");
        CSharpCompilation compilation = TestCompilation.Create(FlaggedEntryPointSources.OpenFamily).AddSyntaxTrees(unrelated);
        SyntaxTree edited = TestCompilation.Parse(UnrelatedSource.Replace("42", "43", System.StringComparison.Ordinal), "Unrelated.cs");

        GeneratorRunResult second = RunTwice(compilation, compilation.ReplaceSyntaxTree(unrelated, edited));

        AssertNothingRecomputed(second);
    }

    [Fact]
    public void Editing_another_member_of_the_same_file_leaves_the_models_unchanged()
    {
        // The parse step reruns for the edited file; its result must still compare equal to the last one.
        string source = FlaggedEntryPointSources.SocketFamily + "\n" + UnrelatedSource.Replace("namespace Demo;", string.Empty, System.StringComparison.Ordinal);
        CSharpCompilation compilation = TestCompilation.Create(source);
        SyntaxTree tree = compilation.SyntaxTrees[0];
        SyntaxTree edited = tree.WithChangedText(tree.GetText(TestContext.Current.CancellationToken).Replace(source.IndexOf("42", System.StringComparison.Ordinal), 2, "43"));

        GeneratorRunResult second = RunTwice(compilation, compilation.ReplaceSyntaxTree(tree, edited));

        AssertNothingRecomputed(second);
    }

    [Fact]
    public void After_an_unrelated_edit_only_the_symbol_read_runs_again()
    {
        // Roslyn reruns the read (the transform) for every declaration when the compilation changes; everything after
        // it, the model's text included, must be taken from the cache, not recomputed and found equal.
        SyntaxTree unrelated = TestCompilation.Parse(UnrelatedSource, "Unrelated.cs");
        CSharpCompilation compilation = TestCompilation.Create(DeclarationShapeSources.DocumentationComment).AddSyntaxTrees(unrelated);
        SyntaxTree edited = TestCompilation.Parse(UnrelatedSource.Replace("42", "43", System.StringComparison.Ordinal), "Unrelated.cs");

        GeneratorRunResult second = RunTwice(compilation, compilation.ReplaceSyntaxTree(unrelated, edited));

        IncrementalStepRunReason[] read = ReasonsOf(second, TrackingNames.Read);
        IncrementalStepRunReason[] after = [.. ReasonsOf(second, TrackingNames.Plan), .. ReasonsOf(second, TrackingNames.Parse), .. ReasonsOf(second, TrackingNames.Checked)];
        Assert.NotEmpty(read);
        Assert.All(read, reason => Assert.Equal(IncrementalStepRunReason.Unchanged, reason));
        Assert.Equal(3 * read.Length, after.Length);
        Assert.All(after, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Editing_a_declaration_writes_its_model_again()
    {
        // Guards the test above: a model step that were always Cached would pass it too.
        CSharpCompilation compilation = TestCompilation.Create(FlaggedEntryPointSources.OpenFamily);
        SyntaxTree tree = compilation.SyntaxTrees[0];
        string text = tree.GetText(TestContext.Current.CancellationToken).ToString();
        int at = text.IndexOf("int flags", System.StringComparison.Ordinal);
        SyntaxTree edited = tree.WithChangedText(tree.GetText(TestContext.Current.CancellationToken).Replace(at, "int flags".Length, "int oflags"));

        GeneratorRunResult second = RunTwice(compilation, compilation.ReplaceSyntaxTree(tree, edited));

        Assert.Contains(IncrementalStepRunReason.Modified, ReasonsOf(second, TrackingNames.Parse));
    }

    [Fact]
    public void No_step_output_holds_a_Roslyn_object()
    {
        // The golden cases hold every kind of model; the last source adds diagnostics to the outputs.
        IEnumerable<string> sources = GoldenCases.All.Select(c => c.Source).Append("""
            using Cloexec;

            internal static partial class Broken
            {
                [CreatesDescriptor("libdemo", EntryPoint = "demo_open")]
                internal static partial int DemoOpen(string path, int flags, int cloexec);
            }
            """);

        foreach (string source in sources)
        {
            GeneratorRunResult result = RunTracked(TestCompilation.Create(source));
            object?[] outputs = OutputsOf(result).Select(output => output.Value).ToArray();

            Assert.NotEmpty(outputs);
            Assert.Empty(outputs.SelectMany(RoslynObjectFinder.Find));
        }
    }

    [Fact]
    public void The_finder_sees_a_Roslyn_object_inside_a_step_output()
    {
        // Guards the test above: a walk that never looked inside would pass it too.
        CSharpCompilation compilation = TestCompilation.Create(FlaggedEntryPointSources.PipeAndDup);
        object parsed = ParseOutputs(compilation)[0]!;

        List<string> found = RoslynObjectFinder.Find((parsed, compilation));

        Assert.Equal(["value.Item2: " + compilation.GetType().FullName], found);
    }

    [Fact]
    public void Independent_parses_of_one_source_give_equal_models()
    {
        object?[] first = ParseOutputs(TestCompilation.Create(DeclarationShapeSources.WrapsDllImport));
        object?[] second = ParseOutputs(TestCompilation.Create(DeclarationShapeSources.WrapsDllImport));

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.All(first.Zip(second), pair => Assert.NotSame(pair.First, pair.Second));
    }

    [Fact]
    public void Parses_of_different_declarations_give_different_models()
    {
        // Guards the test above: equality that held for anything would pass it too.
        string changed = DeclarationShapeSources.WrapsDllImport.Replace("int flags, bool?", "int flags, bool", System.StringComparison.Ordinal);

        object?[] first = ParseOutputs(TestCompilation.Create(DeclarationShapeSources.WrapsDllImport));
        object?[] second = ParseOutputs(TestCompilation.Create(changed));

        Assert.NotEqual(first, second);
    }

    private static GeneratorRunResult RunTwice(Compilation first, Compilation second)
    {
        GeneratorDriver driver = GeneratorRun.CreateDriver(TestCompilation.ParseOptions(), trackSteps: true);
        driver = driver.RunGenerators(first);
        driver = driver.RunGenerators(second);
        return driver.GetRunResult().Results.Single();
    }

    private static GeneratorRunResult RunTracked(Compilation compilation) =>
        GeneratorRun.CreateDriver(TestCompilation.ParseOptions(), trackSteps: true).RunGenerators(compilation).GetRunResult().Results.Single();

    private static object?[] ParseOutputs(Compilation compilation) =>
        RunTracked(compilation).TrackedSteps[TrackingNames.Parse].SelectMany(step => step.Outputs).Select(output => output.Value).ToArray();

    private static IncrementalStepRunReason[] ReasonsOf(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason).ToArray();

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> OutputsOf(GeneratorRunResult result)
    {
        foreach (string name in s_trackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"No step is tracked as '{name}'.");
            foreach (IncrementalGeneratorRunStep step in result.TrackedSteps[name])
            {
                foreach ((object value, IncrementalStepRunReason reason) in step.Outputs)
                {
                    yield return (value, reason);
                }
            }
        }
    }

    private static void AssertNothingRecomputed(GeneratorRunResult result)
    {
        (object Value, IncrementalStepRunReason Reason)[] outputs = OutputsOf(result).ToArray();

        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(
            output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{output.Value} was {output.Reason}"));
    }
}
