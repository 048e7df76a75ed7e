using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Basic.Reference.Assemblies;
using Cloexec.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cloexec.Benchmarks;

/// <summary>
/// One generator and a compilation of <see cref="MethodCount"/> declarations for it, spread over
/// <see cref="FileCount"/> files, plus one unrelated file that the incremental run edits.
/// </summary>
internal sealed class GeneratorWorkload
{
    public const int MethodCount = 1000;
    public const int FileCount = 20;

    private const string UnrelatedPath = "Unrelated.cs";
    private const string UnrelatedSource = """
        namespace Demo;

        internal static class Unrelated
        {
            public static int Answer() => 42;
        }
        """;

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);

    private static readonly MetadataReference[] s_references =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(CreatesDescriptorAttribute).Assembly.Location),
    ];

    private readonly ISourceGenerator _generator;
    private readonly GeneratorDriver _afterFirstRun;

    private GeneratorWorkload(string name, ISourceGenerator generator, Func<int, string> declaration)
    {
        Name = name;
        _generator = generator;
        Compilation = CreateCompilation(declaration);
        SyntaxTree unrelated = Compilation.SyntaxTrees.Single(tree => tree.FilePath == UnrelatedPath);
        SyntaxTree edited = CSharpSyntaxTree.ParseText(UnrelatedSource.Replace("42", "43", StringComparison.Ordinal), s_parseOptions, UnrelatedPath);
        Edited = Compilation.ReplaceSyntaxTree(unrelated, edited);
        _afterFirstRun = CreateDriver(trackSteps: false).RunGenerators(Compilation);
    }

    public string Name { get; }

    /// <summary>The declarations and the unrelated file.</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary><see cref="Compilation"/> after the unrelated file's one edit.</summary>
    public CSharpCompilation Edited { get; }

    /// <summary>Our generator over <see cref="MethodCount"/> [CreatesDescriptor] declarations.</summary>
    public static GeneratorWorkload CreatesDescriptor() =>
        new("CreatesDescriptorGenerator", new CreatesDescriptorGenerator().AsSourceGenerator(), CreatesDescriptorDeclaration);

    /// <summary>The SDK's LibraryImportGenerator over the same declarations written as [LibraryImport].</summary>
    public static GeneratorWorkload LibraryImport() =>
        new("LibraryImportGenerator", SdkLibraryImportGenerator.Load(), LibraryImportDeclaration);

    /// <summary>
    /// A first run on a fresh driver. The compilation is cloned so that no semantic information cached by an
    /// earlier invocation is reused: each run binds as a new build would.
    /// </summary>
    public GeneratorDriver FullRun() => CreateDriver(trackSteps: false).RunGenerators(Compilation.Clone());

    /// <summary>A run after the unrelated edit, on the driver that has seen the unedited compilation once.</summary>
    public GeneratorDriver IncrementalRun() => _afterFirstRun.RunGenerators(Edited.Clone());

    public GeneratorDriver CreateDriver(bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            [_generator],
            parseOptions: s_parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private static CSharpCompilation CreateCompilation(Func<int, string> declaration)
    {
        var trees = new List<SyntaxTree>();
        int perFile = MethodCount / FileCount;
        for (int file = 0; file < FileCount; file++)
        {
            var source = new StringBuilder();
            source.Append(CultureInfo.InvariantCulture, $$"""
                using System;
                using System.Runtime.InteropServices;
                using Cloexec;

                namespace Demo;

                internal static unsafe partial class Native{{file}}
                {

                """);
            for (int i = file * perFile; i < (file + 1) * perFile; i++)
            {
                source.Append(declaration(i)).Append('\n');
            }

            source.Append("}\n");
            trees.Add(CSharpSyntaxTree.ParseText(source.ToString(), s_parseOptions, $"Native{file}.cs"));
        }

        trees.Add(CSharpSyntaxTree.ParseText(UnrelatedSource, s_parseOptions, UnrelatedPath));
        return CSharpCompilation.Create(
            "Consumer",
            trees,
            s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
    }

    // Five shapes in turn: a string, plain integers, a span, the legacy dup, an unsigned integer.
    private static string CreatesDescriptorDeclaration(int i) => (i % 5) switch
    {
        0 => $"""    [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)] internal static partial int Open{i}(string path, int flags, int mode, bool? cloexec = null);""",
        1 => $"""    [CreatesDescriptor("libc", EntryPoint = "socket", SetLastError = true)] internal static partial int Socket{i}(int domain, int type, int protocol, bool? cloexec = null);""",
        2 => $"""    [CreatesDescriptor("libc", EntryPoint = "pipe2", SetLastError = true)] internal static partial int Pipe2_{i}(Span<int> fds, int flags, bool? cloexec = null);""",
        3 => $"""    [CreatesDescriptor("libc", EntryPoint = "dup", SetLastError = true)] internal static partial int Dup{i}(int fd, bool? cloexec = null);""",
        _ => $"""    [CreatesDescriptor("libc", EntryPoint = "eventfd", SetLastError = true)] internal static partial int EventFd{i}(uint initval, int flags, bool? cloexec = null);""",
    };

    private static string LibraryImportDeclaration(int i) => (i % 5) switch
    {
        0 => $"""    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)] internal static partial int Open{i}(string path, int flags, int mode);""",
        1 => $"""    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)] internal static partial int Socket{i}(int domain, int type, int protocol);""",
        2 => $"""    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)] internal static partial int Pipe2_{i}(Span<int> fds, int flags);""",
        3 => $"""    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)] internal static partial int Dup{i}(int fd);""",
        _ => $"""    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)] internal static partial int EventFd{i}(uint initval, int flags);""",
    };
}

/// <summary>The SDK's LibraryImportGenerator, loaded from the targeting pack of the running runtime's major version.</summary>
internal static class SdkLibraryImportGenerator
{
    private const string FileName = "Microsoft.Interop.LibraryImportGenerator.dll";

    public static string Path { get; } = Find();

    public static ISourceGenerator Load()
    {
        var reference = new AnalyzerFileReference(Path, new LoadFromLoader());
        ImmutableArray<ISourceGenerator> generators = reference.GetGenerators(LanguageNames.CSharp);
        return generators.Single(g => g.GetGeneratorType().Name == "LibraryImportGenerator");
    }

    /// <summary>packs/Microsoft.NETCore.App.Ref/&lt;newest of this major&gt;/analyzers/dotnet/cs/, found by globbing.</summary>
    private static string Find()
    {
        // shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll -> the dotnet root.
        string runtimeDirectory = System.IO.Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string dotnetRoot = Environment.GetEnvironmentVariable("DOTNET_ROOT")
            ?? System.IO.Path.GetFullPath(System.IO.Path.Combine(runtimeDirectory, "..", "..", ".."));
        string packs = System.IO.Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        int major = Environment.Version.Major;

        string? found = Directory.Exists(packs)
            ? Directory.EnumerateDirectories(packs, $"{major}.0.*")
                .Select(directory => (Directory: directory, Version: Version.TryParse(System.IO.Path.GetFileName(directory).Split('-')[0], out Version? v) ? v : null))
                .Where(pack => pack.Version is not null)
                .OrderByDescending(pack => pack.Version)
                .Select(pack => System.IO.Path.Combine(pack.Directory, "analyzers", "dotnet", "cs", FileName))
                .FirstOrDefault(File.Exists)
            : null;

        return found ?? throw new FileNotFoundException($"No {FileName} under {packs}/{major}.0.*/analyzers/dotnet/cs");
    }

    /// <summary>Loads into the default context; Assembly.LoadFrom finds Microsoft.Interop.SourceGeneration.dll beside it.</summary>
    private sealed class LoadFromLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
