using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Cloexec.Audit.Tests;

/// <summary>Compiles C# into an assembly in memory, as the compiler would for a package, and audits it.</summary>
internal static class CompiledAssembly
{
    public static AssemblyAudit Audit(string source, OptimizationLevel optimization = OptimizationLevel.Release)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Dependency",
            [CSharpSyntaxTree.ParseText(source)],
            Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: optimization, allowUnsafe: true));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return AssemblyAuditor.Audit("Dependency.dll", image);
    }
}
