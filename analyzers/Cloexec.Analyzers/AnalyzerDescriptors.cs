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
        "'{0}' imports '{1}' directly, so every child process inherits the {2} it creates: declare it with [CreatesDescriptor] and a 'bool? cloexec = null' parameter. The code fix does it, except for the few shapes its help page lists; for a whole project run '{3}'.",
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

    // Info, not a warning: nothing is inherited by omission, since every call states its choice; converting adds the
    // cloexec switch and keeps that choice. CLOEXEC0201 is taken (shipped in 0.1.0), hence 0202.
    public static readonly DiagnosticDescriptor ArgumentInheritanceImport = new(
        "CLOEXEC0202",
        "Raw import of a Win32 creator whose inheritance is an argument",
        "'{0}' imports '{1}', whose every call states in its {2} argument whether the handle it creates is inherited: declaring it with [CreatesDescriptor] keeps that choice on every existing call and adds a 'bool? cloexec = null' parameter that overrides it (true: not inherited, false: inherited). The code fix does it, except for the few shapes its help page lists; for a whole project, with the other Windows creators, run '" + AnalyzerFixes.WindowsConversionCommand + "'.",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "cloexec0202",
        description: AnalyzerFixes.ArgumentInheritanceImport);
}
