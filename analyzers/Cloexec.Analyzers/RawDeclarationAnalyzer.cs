using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cloexec.Analyzers;

/// <summary>
/// Reports each [DllImport]/[LibraryImport] of a function of the generator's table whose descriptors or handles are
/// inheritable by omission (<see cref="LeaksByOmission"/>), unless a [CreatesDescriptor] method of the same type wraps
/// it: that raw import is the Wraps pattern, not a leak.
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
            if (wrapped.Contains(method.Name) || RawImport.Of(method) is not { } import || !LeaksByOmission(import))
            {
                continue;
            }

            Location? location = method.Locations.FirstOrDefault(l => l.IsInSource);
            if (location is not null)
            {
                string what = import.Platform == NativePlatform.Windows && !NativeLibraries.IsCrt(import.LibraryName) ? "handles" : "descriptors";
                context.ReportDiagnostic(Diagnostic.Create(AnalyzerDescriptors.RawDescriptorImport, location, method.Name, import.EntryPoint, what));
            }
        }
    }

    /// <summary>
    /// Whether what the import creates is inheritable unless each call says otherwise. A Unix creator of the table that is
    /// not always close-on-exec, from the C library or libutil. A Windows creator whose call has no say or only a flag
    /// to add (WSASocket's WSA_FLAG_NO_HANDLE_INHERIT, the CRT's _O_NOINHERIT, nothing for socket, accept and _dup);
    /// not one that takes SECURITY_ATTRIBUTES or bInheritHandle, where every call states the inheritance it wants
    /// (null means none), so nothing is inherited by omission.
    /// </summary>
    private static bool LeaksByOmission(RawImport import)
    {
        if (import.Platform == NativePlatform.Windows)
        {
            return EntryPointTable.Find(import.EntryPoint, NativePlatform.Windows) is { Placement: FlagPlacement.Bits or FlagPlacement.AfterCreation };
        }

        return NativeLibraries.ExportsUnixCreator(import.LibraryName, import.EntryPoint)
            && EntryPointTable.Find(import.EntryPoint, NativePlatform.Unix) is { Placement: not FlagPlacement.AlwaysCloexec };
    }
}
