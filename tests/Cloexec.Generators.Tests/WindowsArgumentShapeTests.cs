using System.Linq;
using Cloexec.Generators.Tests.Cases;
using Cloexec.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>
/// The shapes real Win32 bindings give the creators whose inheritance is an argument: every one compiles cleanly in the
/// Wraps form over its raw [DllImport]; the direct form is accepted exactly where the generator marshals every
/// parameter itself, which is what the code fix's choice between the two forms must follow.
/// </summary>
public sealed class WindowsArgumentShapeTests
{
    public static TheoryData<string> Shapes => [.. WindowsArgumentShapeSources.All().Select(shape => shape.Name)];

    /// <summary>The one shape the Wraps form refuses (CLOEXEC0101): CREATEFILE2_EXTENDED_PARAMETERS by ref over a raw import.</summary>
    private const string WrapsRefusal = "File2Ref";

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Wraps_form_takes_every_shape_and_compiles(string name)
    {
        GeneratorRun run = GeneratorRun.Of(WindowsArgumentShapeSources.Wraps(Shape(name)));

        if (name == WrapsRefusal)
        {
            Assert.Equal(["CLOEXEC0101"], run.GeneratorDiagnostics.Select(d => d.Id));
            return;
        }

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Direct_form_takes_the_shapes_it_marshals_and_says_why_not_for_the_others(string name)
    {
        WindowsArgumentShapeSources.Shape shape = Shape(name);
        GeneratorRun run = GeneratorRun.Of(WindowsArgumentShapeSources.Direct(shape));

        Assert.Equal(shape.DirectRefusal, run.GeneratorDiagnostics.Select(d => d.Id).Where(id => id != "CLOEXEC0007").Distinct().Order());
        if (shape.DirectRefusal.Length == 0)
        {
            Assert.Empty(run.Output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning));
        }
    }

    [Theory]
    [InlineData("EventRef", "ref")]
    [InlineData("EventIn", "in")]
    [InlineData("EventInRef", "ref")]
    [InlineData("EventByValue", "")]
    [InlineData("EventClass", "")]
    public void Wraps_form_passes_a_copy_of_the_users_own_type_as_the_raw_method_takes_it(string name, string refKind)
    {
        // Compared without whitespace: the emitter wraps long lines.
        string generated = WithoutSpaces(GeneratorRun.Of(WindowsArgumentShapeSources.Wraps(Shape(name))).CombinedSource());

        // The copy is made once, of the declared type, and the caller's argument is never passed to the raw method.
        Assert.Contains(WithoutSpaces("__securityAttributes = global::Cloexec.Interop.DescriptorRuntime.CopySecurityAttributes(attributes, __mode);"), generated, System.StringComparison.Ordinal);
        Assert.Contains(WithoutSpaces($"Raw{name}({refKind} __securityAttributes,"), generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain(WithoutSpaces($"Raw{name}({refKind} attributes"), generated, System.StringComparison.Ordinal);
    }

    private static string WithoutSpaces(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", string.Empty);

    private static WindowsArgumentShapeSources.Shape Shape(string name) => WindowsArgumentShapeSources.All().Single(shape => shape.Name == name);
}
