using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

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
            var options = (Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
        });
    }
}
