using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cloexec.Analyzers;

/// <summary>
/// Reports each [DllImport]/[LibraryImport] of a C-library function that creates descriptors (the generator's table, its Unix
/// rows: a Windows creator makes an inheritable handle only when asked to; not the rows whose call is always
/// close-on-exec, which leak nothing), unless
/// a [CreatesDescriptor] method of the same type wraps it: that raw import is the Wraps pattern, not a leak.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RawDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [AnalyzerDescriptors.RawDescriptorImport];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    // Per type rather than per method, because whether an import is wrapped depends on its sibling methods.
    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        IMethodSymbol[] methods = type.GetMembers().OfType<IMethodSymbol>().ToArray();
        var wrapped = new HashSet<string>(methods
            .Select(m => m.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == CreatesDescriptorAttributeName.MetadataName))
            .Where(a => a is not null)
            .Select(a => AttributeSettings.Read(a!).Wraps)
            .OfType<string>());

        foreach (IMethodSymbol method in methods)
        {
            if (wrapped.Contains(method.Name) || RawImport.Of(method) is not { } import || !NativeLibraries.ExportsUnixCreator(import.LibraryName, import.EntryPoint)
                || EntryPointTable.Find(import.EntryPoint, NativePlatform.Unix) is not { Placement: not FlagPlacement.AlwaysCloexec })
            {
                continue;
            }

            Location? location = method.Locations.FirstOrDefault(l => l.IsInSource);
            if (location is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(AnalyzerDescriptors.RawDescriptorImport, location, method.Name, import.EntryPoint));
            }
        }
    }
}
