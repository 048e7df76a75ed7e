using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace Cloexec.Analyzers.Tests.Infrastructure;

/// <summary>The Roslyn testing library's analyzer and code-fix tests, set up with local references and unsafe code allowed.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Source with <c>{|CLOEXEC0200:Name|}</c> markup: exactly those diagnostics, nothing else.</summary>
    public static Task AnalyzerAsync(string markedSource)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = markedSource };
        Configure(test);
        return test.RunAsync();
    }

    /// <summary>Fixes every marked diagnostic one at a time and all at once (BatchFixer), and expects <paramref name="fixedSource"/> both ways.</summary>
    public static Task CodeFixAsync<TCodeFix>(string markedSource, string fixedSource, params string[] otherFiles)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> { TestCode = markedSource, FixedCode = fixedSource };
        foreach (string other in otherFiles)
        {
            test.TestState.Sources.Add(other);
            test.FixedState.Sources.Add(other);
        }

        Configure(test);
        return test.RunAsync();
    }

    /// <summary>Several files fixed by one Fix All in the project scope.</summary>
    public static Task FixAllInProjectAsync<TCodeFix>(string[] markedSources, string[] fixedSources)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck,
        };
        foreach (string source in markedSources)
        {
            test.TestState.Sources.Add(source);
        }

        foreach (string source in fixedSources)
        {
            test.FixedState.Sources.Add(source);
        }

        Configure(test);
        return test.RunAsync();
    }

    /// <summary>
    /// Fix All in one application: one for the solution, one per project, one per document with diagnostics, each
    /// leaving nothing to fix; and every diagnostic fixed one at a time gives the same text.
    /// </summary>
    public static Task FixAllInOnePassAsync<TCodeFix>(
        string[] markedSources, string[] fixedSources, string[]? otherProjectSources = null, string[]? otherProjectFixedSources = null)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>();
        test.TestState.Sources.AddRange(markedSources.Select((s, i) => ($"/0/Test{i}.cs", SourceText.From(s))));
        test.FixedState.Sources.AddRange(fixedSources.Select((s, i) => ($"/0/Test{i}.cs", SourceText.From(s))));
        int projects = 1;
        int documents = markedSources.Count(s => s.Contains("{|", StringComparison.Ordinal));
        if (otherProjectSources is not null && otherProjectFixedSources is not null)
        {
            var other = new ProjectState(OtherProjectName, LanguageNames.CSharp, "/1/Other", "cs");
            other.Sources.AddRange(otherProjectSources.Select((s, i) => ($"/1/Other{i}.cs", SourceText.From(s))));
            other.AdditionalReferences.AddRange(LocalReferences.All);
            test.TestState.AdditionalProjects.Add(OtherProjectName, other);
            var otherFixed = new ProjectState(OtherProjectName, LanguageNames.CSharp, "/1/Other", "cs");
            otherFixed.Sources.AddRange(otherProjectFixedSources.Select((s, i) => ($"/1/Other{i}.cs", SourceText.From(s))));
            test.FixedState.AdditionalProjects.Add(OtherProjectName, otherFixed);
            projects++;
            documents += otherProjectSources.Count(s => s.Contains("{|", StringComparison.Ordinal));
        }

        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInProjectIterations = projects;
        test.NumberOfFixAllInDocumentIterations = documents;
        Configure(test);
        return test.RunAsync();
    }

    private const string OtherProjectName = "Other";

    private static void Configure<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = LocalReferences.None;
        // Without the generator, every [CreatesDescriptor] and [LibraryImport] partial method lacks a body (CS8795):
        // the tests check the analyzer's diagnostics and the fix's text, and the generator tests check what compiles.
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.TestState.AdditionalReferences.AddRange(LocalReferences.All);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            foreach (Project project in solution.Projects)
            {
                var options = (Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)project.CompilationOptions!;
                solution = solution.WithProjectCompilationOptions(project.Id, options.WithAllowUnsafe(true));
            }

            return solution;
        });
    }
}
