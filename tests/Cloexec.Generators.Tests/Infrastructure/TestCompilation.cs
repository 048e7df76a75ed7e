extern alias CloexecRuntime;

using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cloexec.Generators.Tests.Infrastructure;

/// <summary>Compilations shaped like a consumer project: .NET 10 reference assemblies plus Cloexec.dll, strict settings.</summary>
internal static class TestCompilation
{
    // From a package, so no test reaches the network for reference assemblies.
    private static readonly MetadataReference[] s_references =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(CloexecRuntime::Cloexec.CreatesDescriptorAttribute).Assembly.Location),
    ];

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) => new(version);

    /// <summary>Every warning is an error at the highest warning level, so "compiles" means "compiles cleanly".</summary>
    public static CSharpCompilationOptions Options(bool allowUnsafe = true) => new(
        OutputKind.DynamicallyLinkedLibrary,
        allowUnsafe: allowUnsafe,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        generalDiagnosticOption: ReportDiagnostic.Error);

    public static CSharpCompilation Create(string source, CSharpParseOptions? parseOptions = null, bool allowUnsafe = true) =>
        Create([source], parseOptions, allowUnsafe);

    public static CSharpCompilation Create(string[] sources, CSharpParseOptions? parseOptions = null, bool allowUnsafe = true)
    {
        CSharpParseOptions options = parseOptions ?? ParseOptions();
        SyntaxTree[] trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, options, path: $"Source{i}.cs")).ToArray();
        return CSharpCompilation.Create("Consumer", trees, s_references, Options(allowUnsafe));
    }

    public static SyntaxTree Parse(string source, string path, CSharpParseOptions? parseOptions = null) =>
        CSharpSyntaxTree.ParseText(source, parseOptions ?? ParseOptions(), path: path);
}
