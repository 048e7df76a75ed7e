using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Cloexec.CodeFixes;
using Cloexec.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cloexec.Analyzers.Tests.Infrastructure;

/// <summary>
/// What a user's project goes through: the analyzer reports, the real Fix All converts (one application, every
/// document), the compiler builds the result with the real generators (ours and the SDK's LibraryImportGenerator, from
/// the local targeting pack), and the assembly runs in a collectible load context beside the real Cloexec runtime.
/// </summary>
internal static class ConversionPipeline
{
    private const string ProjectName = "Converted";

    public static string SourcePath(int index) => $"/src/Source{index}.cs";

    public static async Task<(Project Raw, Project Converted)> ConvertAsync(IReadOnlyList<string> sources)
    {
        Project raw = CreateProject(sources);
        Project converted = raw;
        // As 'dotnet format analyzers --diagnostics CLOEXEC0200 CLOEXEC0202' does: one Fix All per diagnostic, in order,
        // each over the project as the previous one left it and with its diagnostics computed afresh.
        foreach (string diagnosticId in new[] { AnalyzerDescriptors.RawDescriptorImport.Id, AnalyzerDescriptors.ArgumentInheritanceImport.Id })
        {
            converted = await FixAllAsync(converted, diagnosticId);
        }

        return (raw, converted);
    }

    /// <summary>The user's project as it is: source i at <see cref="SourcePath"/>(i).</summary>
    public static Project CreateProject(IReadOnlyList<string> sources)
    {
        var workspace = new AdhocWorkspace();
        ProjectId id = ProjectId.CreateNewId();
        Solution solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            id, VersionStamp.Default, ProjectName, ProjectName, LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Preview),
            metadataReferences: LocalReferences.All));
        for (int i = 0; i < sources.Count; i++)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(id), $"Source{i}.cs", sources[i], filePath: SourcePath(i));
        }

        return solution.GetProject(id)!;
    }

    private static async Task<Project> FixAllAsync(Project project, string diagnosticId)
    {
        if (!(await RawImportDiagnosticsAsync(project)).Any(d => d.Id == diagnosticId))
        {
            return project;
        }

        var provider = new ToCreatesDescriptorCodeFix();
        var context = new FixAllContext(
            project, provider, FixAllScope.Project, "Declare with [CreatesDescriptor]", [diagnosticId],
            new AnalyzerDiagnostics(), CancellationToken.None);
        CodeAction? action = await provider.GetFixAllProvider().GetFixAsync(context);
        if (action is null)
        {
            return project;
        }

        Solution changed = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return changed.GetProject(project.Id)!;
    }

    public static async Task<ImmutableArray<Diagnostic>> RawImportDiagnosticsAsync(Project project)
    {
        Compilation compilation = (await project.GetCompilationAsync())!;
        return await compilation.WithAnalyzers([new RawDeclarationAnalyzer()]).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>The project compiled with both generators: the compilation and every diagnostic, the generators' too.</summary>
    public static async Task<(Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics)> BuildAsync(Project project)
    {
        Compilation compilation = (await project.GetCompilationAsync())!;
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new CreatesDescriptorGenerator().AsSourceGenerator(), .. SdkLibraryImportGenerators()],
            parseOptions: (CSharpParseOptions)project.ParseOptions!);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        return (output, [.. generatorDiagnostics, .. output.GetDiagnostics()]);
    }

    /// <summary>
    /// The SDK's LibraryImportGenerator from the targeting pack beside the running runtime, which implements the
    /// [LibraryImport] methods a conversion keeps (the Wraps form). Nothing is downloaded.
    /// </summary>
    private static ImmutableArray<ISourceGenerator> SdkLibraryImportGenerators()
    {
        string runtime = RuntimeEnvironment.GetRuntimeDirectory();
        string dotnetRoot = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        string version = new DirectoryInfo(runtime.TrimEnd(Path.DirectorySeparatorChar)).Name;
        string pack = Directory.Exists(Path.Combine(packs, version))
            ? Path.Combine(packs, version)
            : Directory.GetDirectories(packs).OrderBy(d => d, StringComparer.Ordinal).Last();
        string path = Path.Combine(pack, "analyzers", "dotnet", "cs", "Microsoft.Interop.LibraryImportGenerator.dll");
        return new AnalyzerFileReference(path, new AssemblyLoader()).GetGeneratorsForAllLanguages();
    }

    /// <summary>Emits and loads the compilation; the caller unloads the context when done.</summary>
    public static (AssemblyLoadContext Context, Assembly Assembly) Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        // Cloexec resolves to the runtime this test process already loaded: one set of switches and states.
        var context = new AssemblyLoadContext("converted", isCollectible: true);
        image.Position = 0;
        return (context, context.LoadFromStream(image));
    }

    private sealed class AssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    /// <summary>Fix All's view of the diagnostics: the analyzer run over the project as it is.</summary>
    private sealed class AnalyzerDiagnostics : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await RawImportDiagnosticsAsync(project);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            SyntaxTree? tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await RawImportDiagnosticsAsync(document.Project)).Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>([]);
    }
}
