using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cloexec.Analyzers;

/// <summary>
/// Reports each [DllImport]/[LibraryImport] of a function of the generator's table, unless a [CreatesDescriptor]
/// method of the same type wraps it (that raw import is the Wraps pattern, not a leak): CLOEXEC0200 where what it
/// creates is inheritable by omission (<see cref="LeaksByOmission"/>), CLOEXEC0202 for a Win32 creator whose every
/// call states the inheritance in an argument (<see cref="InheritanceArgumentOf"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RawDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
        [AnalyzerDescriptors.RawDescriptorImport, AnalyzerDescriptors.ArgumentInheritanceImport];

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
            if (wrapped.Contains(method.Name) || RawImport.Of(method) is not { } import
                || method.Locations.FirstOrDefault(l => l.IsInSource) is not { } location)
            {
                continue;
            }

            if (LeaksByOmission(import))
            {
                bool windows = import.Platform == NativePlatform.Windows;
                string what = windows && !NativeLibraries.IsCrt(import.LibraryName) ? "handles" : "descriptors";
                string command = windows ? AnalyzerFixes.WindowsConversionCommand : AnalyzerFixes.ConversionCommand;
                context.ReportDiagnostic(Diagnostic.Create(AnalyzerDescriptors.RawDescriptorImport, location, method.Name, import.EntryPoint, what, command));
            }
            else if (InheritanceArgumentOf(import, method) is { } argument)
            {
                context.ReportDiagnostic(Diagnostic.Create(AnalyzerDescriptors.ArgumentInheritanceImport, location, method.Name, import.EntryPoint, argument));
            }
        }
    }

    /// <summary>
    /// Whether what the import creates is inheritable unless each call says otherwise. A Unix creator of the table that is
    /// not always close-on-exec, from the C library or libutil. A Windows creator whose call has no say or only a flag
    /// to add (WSASocket's WSA_FLAG_NO_HANDLE_INHERIT, the CRT's _O_NOINHERIT, nothing for socket, accept and _dup);
    /// not one that takes SECURITY_ATTRIBUTES or bInheritHandle (<see cref="InheritanceArgumentOf"/>).
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

    /// <summary>
    /// For a Windows creator whose every call states the inheritance it wants (a SECURITY_ATTRIBUTES, null meaning none,
    /// or a BOOL bInheritHandle), so that nothing is inherited by omission: that argument as the message names it, the
    /// Win32 name and the declaration's own; otherwise <see langword="null"/>.
    /// </summary>
    private static string? InheritanceArgumentOf(RawImport import, IMethodSymbol method)
    {
        if (import.Platform != NativePlatform.Windows || EntryPointTable.Find(import.EntryPoint, NativePlatform.Windows) is not { } row)
        {
            return null;
        }

        string? win32Name = row.Flag switch
        {
            CloexecFlag.SecurityAttributes => row.Placement == FlagPlacement.NestedStructCopy ? "pCreateExParams" : "lpSecurityAttributes",
            CloexecFlag.InheritHandleArgument => "bInheritHandle",
            _ => null,
        };
        if (win32Name is null)
        {
            return null;
        }

        string? declared = row.FlagArgument >= 0 && row.FlagArgument < method.Parameters.Length ? method.Parameters[row.FlagArgument].Name : null;
        return declared is null || declared == win32Name ? win32Name : $"{win32Name} ('{declared}')";
    }
}
