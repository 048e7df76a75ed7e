using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Cloexec.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Cloexec.Analyzers.Tests;

/// <summary>
/// The Win32 creators whose inheritance is an argument, declared in every shape real bindings use and in their styles
/// (Win32Styles/: pinvoke.net, PInvoke.Kernel32, Vanara, WInterop, the .NET Framework reference source's NativeMethods,
/// dotnet/runtime's Interop.Kernel32, CsWin32), with existing callers (Win32Styles/Callers.cs): each declaration is
/// reported (CLOEXEC0202), the real Fix All of both diagnostics converts the project in the form its "// expect:"
/// comment names (direct, wraps, or left alone with the diagnostic kept), and the result compiles with our generator
/// and the SDK's LibraryImportGenerator: no error, no warning the raw project did not have, callers included.
/// Running the converted code under Wine is tests/Cloexec.FormatEndToEnd.Windows' job.
/// </summary>
public sealed class Win32BindingStyleTests
{
    private const string ExpectPrefix = "// expect: ";

    [Fact]
    public async Task Every_shape_is_reported_converted_in_its_form_and_compiles_with_its_callers()
    {
        string[] sources = Sources();
        List<Expected> expected = sources.SelectMany((source, index) => Expectations(source, index)).ToList();
        Assert.True(expected.Count >= 40, $"only {expected.Count} declarations");

        (Project raw, Project converted) = await ConversionPipeline.ConvertAsync(sources);
        var failures = new List<string>();

        ImmutableArray<Diagnostic> reported = await ConversionPipeline.RawImportDiagnosticsAsync(raw);
        foreach (Expected declaration in expected)
        {
            if (!reported.Any(d => d.Id == "CLOEXEC0202" && d.Location.SourceTree?.FilePath == ConversionPipeline.SourcePath(declaration.Source)
                && d.Location.SourceSpan.Start == declaration.NameStart))
            {
                failures.Add($"{declaration}: not reported as CLOEXEC0202");
            }
        }

        ImmutableArray<Diagnostic> left = await ConversionPipeline.RawImportDiagnosticsAsync(converted);
        foreach (Diagnostic diagnostic in left)
        {
            string name = diagnostic.Location.SourceTree!.GetRoot(TestContext.Current.CancellationToken).FindToken(diagnostic.Location.SourceSpan.Start).ValueText;
            if (!expected.Any(e => e.Form == "left" && e.Name == name))
            {
                failures.Add($"{name}: still reported after conversion ({diagnostic.Id})");
            }
        }

        foreach (Expected declaration in expected)
        {
            SyntaxNode root = (await converted.Documents.Single(d => d.FilePath == ConversionPipeline.SourcePath(declaration.Source))
                .GetSyntaxRootAsync(TestContext.Current.CancellationToken))!;
            string? form = FormOf(root, declaration);
            if (form != declaration.Form)
            {
                failures.Add($"{declaration}: converted as {form ?? "nothing"}");
            }
        }

        ImmutableArray<Diagnostic> before = (await raw.GetCompilationAsync(TestContext.Current.CancellationToken))!.GetDiagnostics(TestContext.Current.CancellationToken);
        var oldWarnings = before.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Id).ToHashSet();
        (_, ImmutableArray<Diagnostic> after) = await ConversionPipeline.BuildAsync(converted);
        failures.AddRange(after
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && !oldWarnings.Contains(d.Id)))
            .Select(d => d + "\n    in: " + Line(d)));

        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\n" + await ConvertedTextAsync(converted, failures));
    }

    [Fact]
    public async Task The_fix_is_offered_for_every_declaration_it_converts_and_for_none_it_leaves_alone()
    {
        string[] sources = Sources();
        List<Expected> expected = sources.SelectMany((source, index) => Expectations(source, index)).ToList();
        Project raw = ConversionPipeline.CreateProject(sources);

        var provider = new Cloexec.CodeFixes.ToCreatesDescriptorCodeFix();
        var failures = new List<string>();
        foreach (Diagnostic diagnostic in await ConversionPipeline.RawImportDiagnosticsAsync(raw))
        {
            Document document = raw.Documents.Single(d => d.FilePath == diagnostic.Location.SourceTree!.FilePath);
            int actions = 0;
            await provider.RegisterCodeFixesAsync(new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(
                document, diagnostic, (_, _) => actions++, TestContext.Current.CancellationToken));
            Expected declaration = expected.Single(e => ConversionPipeline.SourcePath(e.Source) == document.FilePath && e.NameStart == diagnostic.Location.SourceSpan.Start);
            if ((actions == 1) != (declaration.Form != "left"))
            {
                failures.Add($"{declaration}: {actions} code actions offered");
            }
        }

        Assert.True(expected.Count(e => e.Form == "left") >= 3, "nothing left alone: the test could not fail");
        Assert.Empty(failures);
    }

    private static string[] Sources() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Win32Styles"), "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    /// <summary>One "// expect: form" comment before an import: the form, the method's name and where it starts.</summary>
    private sealed record Expected(int Source, string Type, string Name, int NameStart, string Form)
    {
        public override string ToString() => $"{Type}.{Name} (expected {Form})";
    }

    private static IEnumerable<Expected> Expectations(string source, int index)
    {
        SyntaxNode root = CSharpSyntaxTree.ParseText(source, cancellationToken: TestContext.Current.CancellationToken).GetRoot(TestContext.Current.CancellationToken);
        foreach (MethodDeclarationSyntax method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            string? comment = method.GetLeadingTrivia().Select(t => t.ToString()).LastOrDefault(t => t.StartsWith(ExpectPrefix, StringComparison.Ordinal));
            if (comment is not null)
            {
                string type = method.Ancestors().OfType<TypeDeclarationSyntax>().First().Identifier.ValueText;
                yield return new Expected(index, type, method.Identifier.ValueText, method.Identifier.SpanStart, comment.Substring(ExpectPrefix.Length).Trim());
            }
        }
    }

    /// <summary>
    /// What became of the declaration: "direct" (a [CreatesDescriptor] method of its name without Wraps, no raw import
    /// left of that name), "wraps" (the [CreatesDescriptor(Wraps = ...)] method of its name, and a private raw import
    /// it names), or "left" (the import as it was).
    /// </summary>
    private static string? FormOf(SyntaxNode root, Expected declaration)
    {
        TypeDeclarationSyntax type = root.DescendantNodes().OfType<TypeDeclarationSyntax>().Single(t => t.Identifier.ValueText == declaration.Type);
        MethodDeclarationSyntax[] methods = type.Members.OfType<MethodDeclarationSyntax>().ToArray();
        // An explicit interface implementation forwards to a private partial method named after the member.
        MethodDeclarationSyntax[] named = methods.Where(m => m.Identifier.ValueText == declaration.Name && m.ExplicitInterfaceSpecifier is null).ToArray();
        if (named.Length == 0)
        {
            return null;
        }

        if (named.Any(m => m.Modifiers.Any(SyntaxKind.ExternKeyword) || IsImport(m)))
        {
            return "left";
        }

        AttributeSyntax[] creates = named.Select(m => m.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a => a.Name.ToString() == "CreatesDescriptor")).OfType<AttributeSyntax>().ToArray();
        if (creates.Length != named.Length)
        {
            return null;
        }

        string[] wraps = creates.Select(a => a.ArgumentList?.Arguments.FirstOrDefault(x => x.NameEquals?.Name.Identifier.ValueText == "Wraps")?.Expression.ToString()).OfType<string>().ToArray();
        if (wraps.Length == 0)
        {
            return "direct";
        }

        bool rawKept = wraps.Length == creates.Length && wraps.All(w => methods.Any(m => $"nameof({m.Identifier.ValueText})" == w && IsImport(m)
            && m.Modifiers.Any(SyntaxKind.PrivateKeyword)));
        return rawKept ? "wraps" : "wraps without its raw import";
    }

    private static bool IsImport(MethodDeclarationSyntax method) =>
        method.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "DllImport" or "LibraryImport");

    private static string Line(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree is { } tree ? tree.GetText().Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).ToString().Trim() : string.Empty;

    private static async Task<string> ConvertedTextAsync(Project converted, List<string> failures)
    {
        if (failures.Count == 0)
        {
            return string.Empty;
        }

        var texts = new List<string>();
        foreach (Document document in converted.Documents)
        {
            texts.Add((await document.GetTextAsync(TestContext.Current.CancellationToken)).ToString());
        }

        return string.Join("\n----\n", texts);
    }
}
