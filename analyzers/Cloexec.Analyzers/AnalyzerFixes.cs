namespace Cloexec.Analyzers;

/// <summary>What each analyzer diagnostic's description says: the fix, complete enough for an IDE tooltip.</summary>
internal static class AnalyzerFixes
{
    /// <summary>The run that converts the raw creators whose descriptors or handles leak by omission (CLOEXEC0200 alone).</summary>
    public const string ConversionCommand = "dotnet format analyzers --diagnostics CLOEXEC0200 --severity warn";

    /// <summary>
    /// The one run that converts every raw creator, the Win32 ones whose inheritance is an argument (CLOEXEC0202, an Info,
    /// hence the lower severity) included.
    /// </summary>
    public const string WindowsConversionCommand = "dotnet format analyzers --diagnostics CLOEXEC0200 CLOEXEC0202 --severity info";

    public const string RawDescriptorImport =
        "Declare the function as a 'static partial' method with [CreatesDescriptor] (same library, EntryPoint and SetLastError) and a last parameter 'bool? cloexec = null', in partial types; the code fix does this, and '"
        + ConversionCommand + "' converts a whole project ('" + WindowsConversionCommand + "' with the Win32 creators whose inheritance is an argument).";

    public const string ExplicitCloexecFlag =
        "Leave the close-on-exec flag out of the flags argument and let the wrapper decide: pass cloexec: true to insist on it, cloexec: false for a descriptor a child should inherit.";

    public const string ArgumentInheritanceImport =
        "Declare the function as a 'static partial' method with [CreatesDescriptor] (same library, the function it binds as EntryPoint, SetLastError) and a last parameter 'bool? cloexec = null', in partial types: a call that leaves cloexec unset passes its SECURITY_ATTRIBUTES or bInheritHandle through unchanged, cloexec: true makes the handle not inheritable and cloexec: false inheritable, whatever the argument says. The code fix does this, and '"
        + WindowsConversionCommand + "' converts a whole project.";
}
