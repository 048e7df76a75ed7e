using Microsoft.CodeAnalysis;

namespace Cloexec.Analyzers;

/// <summary>Every diagnostic of the analyzer. Each ID has a section in docs/diagnostics.md.</summary>
internal static class AnalyzerDescriptors
{
    private const string Category = "Cloexec";
    // The 02xx range is the analyzer's, apart from the generator's.
    private const string HelpBase = Cloexec.Build.RepositoryInfo.DiagnosticsHelpBase;

    public static readonly DiagnosticDescriptor RawDescriptorImport = new(
        "CLOEXEC0200",
        "Raw import of a descriptor-creating function",
        "'{0}' imports '{1}' directly, so every child process inherits the {2} it creates: declare it with [CreatesDescriptor] and a 'bool? cloexec = null' parameter. A code fix does it; for a whole project run 'dotnet format analyzers --diagnostics CLOEXEC0200 --severity warn'.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "cloexec0200",
        description: AnalyzerFixes.RawDescriptorImport);

    public static readonly DiagnosticDescriptor ExplicitCloexecFlag = new(
        "CLOEXEC0201",
        "Close-on-exec flag passed by hand",
        "Argument '{0}' of '{1}' {2} {3} by hand: {4}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "cloexec0201",
        description: AnalyzerFixes.ExplicitCloexecFlag);
}
