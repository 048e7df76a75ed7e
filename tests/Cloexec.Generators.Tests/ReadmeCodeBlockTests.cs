extern alias CloexecRuntime;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Cloexec.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>
/// Every C# block of the README and of the package's README compiles as pasted, on its own, with the generator, the
/// analyzer and the runtime, every warning an error; a block that is a program (top-level statements) also runs and
/// exits 0. The words after <c>```csharp</c> say what else is expected: diagnostic IDs the block must report (and no
/// other), or <c>signatures</c> for a listing of the runtime's API, whose every type and member must be public in
/// Cloexec.dll.
/// </summary>
public sealed class ReadmeCodeBlockTests
{
    private const string SignaturesWord = "signatures";

    private static readonly string[] s_documents = ["README.md", "runtime/Cloexec/PACKAGE.md"];

    private sealed record CodeBlock(string Document, int Line, string[] Words, string Code);

    public static TheoryData<string, int> Blocks
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (CodeBlock block in ReadBlocks())
            {
                data.Add(block.Document, block.Line);
            }

            return data;
        }
    }

    [Fact]
    public void Both_documents_have_C_sharp_blocks_and_the_README_has_a_program()
    {
        CodeBlock[] blocks = ReadBlocks().ToArray();
        foreach (string document in s_documents)
        {
            Assert.Contains(blocks, b => b.Document == document);
        }

        Assert.Contains(blocks, b => b.Document == "README.md" && IsProgram(Parse(b)));
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public async System.Threading.Tasks.Task The_block_compiles_as_pasted_and_a_program_runs(string document, int line)
    {
        CodeBlock block = ReadBlocks().Single(b => b.Document == document && b.Line == line);
        if (block.Words.Contains(SignaturesWord))
        {
            AssertListedApiIsPublic(block);
            return;
        }

        SyntaxTree tree = Parse(block);
        bool program = IsProgram(tree);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "ReadmeBlock",
            [tree],
            TestCompilation.Create("").References,
            TestCompilation.Options().WithOutputKind(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));
        GeneratorRun run = GeneratorRun.Of(compilation);
        ImmutableArray<Diagnostic> analyzerDiagnostics = await run.Output
            .WithAnalyzers([.. Analyzers()])
            .GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        Diagnostic[] reported = run.GeneratorDiagnostics
            .Concat(run.Output.GetDiagnostics(TestContext.Current.CancellationToken))
            .Concat(analyzerDiagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToArray();

        string[] expected = block.Words.Where(w => w.StartsWith("CLOEXEC", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        string[] ids = reported.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.True(expected.SequenceEqual(ids),
            $"{block.Document} line {block.Line}: expected [{string.Join(", ", expected)}], reported:\n" + string.Join('\n', reported.Select(d => d.ToString())));

        if (program && expected.Length == 0)
        {
            Run(block, run.Output);
        }
    }

    /// <summary>Emits the program beside Cloexec.dll with a runtime configuration, and runs it with dotnet.</summary>
    private static void Run(CodeBlock block, Compilation compilation)
    {
        string folder = Path.Combine(Path.GetTempPath(), "cloexec-readme-blocks", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string assembly = Path.Combine(folder, "ReadmeBlock.dll");
            var emit = compilation.Emit(assembly);
            Assert.True(emit.Success, string.Join('\n', emit.Diagnostics));
            string runtime = typeof(CloexecRuntime::Cloexec.CreatesDescriptorAttribute).Assembly.Location;
            File.Copy(runtime, Path.Combine(folder, Path.GetFileName(runtime)));
            File.WriteAllText(Path.Combine(folder, "ReadmeBlock.runtimeconfig.json"),
                "{\"runtimeOptions\":{\"tfm\":\"net10.0\",\"framework\":{\"name\":\"Microsoft.NETCore.App\",\"version\":\"" + Environment.Version.ToString(3) + "\"}}}");

            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(assembly);
            start.Environment.Remove("CLOEXEC_DEFAULT");
            start.Environment.Remove("CLOEXEC_FORCE_FALLBACK");
            using Process process = Process.Start(start)!;
            System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), $"{block.Document} line {block.Line}: the program did not end");
            Assert.True(process.ExitCode == 0 && error.Result.Length == 0,
                $"{block.Document} line {block.Line}: exit code {process.ExitCode}\n{output}\n{error.Result}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Each type the listing declares is a public type of Cloexec.dll, and each member it lists a public member of it.</summary>
    private static void AssertListedApiIsPublic(CodeBlock block)
    {
        Assembly runtime = typeof(CloexecRuntime::Cloexec.CreatesDescriptorAttribute).Assembly;
        var missing = new List<string>();
        SyntaxNode root = Parse(block).GetRoot();
        BaseTypeDeclarationSyntax[] types = root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().ToArray();
        Assert.NotEmpty(types);
        foreach (BaseTypeDeclarationSyntax type in types)
        {
            Type? runtimeType = runtime.GetType("Cloexec." + type.Identifier.ValueText);
            if (runtimeType is not { IsPublic: true })
            {
                missing.Add("type " + type.Identifier.ValueText);
                continue;
            }

            string[] members = runtimeType.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance).Select(m => m.Name).ToArray();
            IEnumerable<string> listed = type switch
            {
                EnumDeclarationSyntax e => e.Members.Select(m => m.Identifier.ValueText),
                TypeDeclarationSyntax t => t.Members.Select(m => m switch
                {
                    MethodDeclarationSyntax method => method.Identifier.ValueText,
                    PropertyDeclarationSyntax property => property.Identifier.ValueText,
                    ConstructorDeclarationSyntax => ".ctor",
                    _ => throw new InvalidOperationException($"{block.Document} line {block.Line}: a member the test does not know: {m}"),
                }).Concat(t.ParameterList?.Parameters.Select(p => p.Identifier.ValueText) ?? []),
                _ => [],
            };
            missing.AddRange(listed.Where(name => !members.Contains(name)).Select(name => $"{type.Identifier.ValueText}.{name}"));
        }

        Assert.True(missing.Count == 0, $"{block.Document} line {block.Line} lists what Cloexec.dll does not have publicly: {string.Join(", ", missing)}");
    }

    private static IEnumerable<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> Analyzers() =>
        Assembly.Load("Cloexec.Analyzers").GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!);

    private static SyntaxTree Parse(CodeBlock block) =>
        TestCompilation.Parse(block.Code, $"{block.Document}:{block.Line}");

    private static bool IsProgram(SyntaxTree tree) => tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();

    private static IEnumerable<CodeBlock> ReadBlocks([CallerFilePath] string callerFile = "")
    {
        string root = Path.Combine(Path.GetDirectoryName(callerFile)!, "..", "..");
        foreach (string document in s_documents)
        {
            string[] lines = File.ReadAllLines(Path.Combine(root, document));
            for (int i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith("```csharp", StringComparison.Ordinal))
                {
                    continue;
                }

                string[] words = lines[i]["```csharp".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                int end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
                yield return new CodeBlock(document, i + 1, words, string.Join('\n', lines[(i + 1)..end]));
                i = end;
            }
        }
    }
}
