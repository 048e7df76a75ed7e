namespace Cloexec.Analyzers;

/// <summary>What each analyzer diagnostic's description says: the fix, complete enough for an IDE tooltip.</summary>
internal static class AnalyzerFixes
{
    public const string RawDescriptorImport =
        "Declare the function as a 'static partial' method with [CreatesDescriptor] (same library, EntryPoint and SetLastError) and a last parameter 'bool? cloexec = null', in partial types; the code fix does this, and 'dotnet format analyzers --diagnostics CLOEXEC0200' converts a whole project.";

    public const string ExplicitCloexecFlag =
        "Leave the close-on-exec flag out of the flags argument and let the wrapper decide: pass cloexec: true to insist on it, cloexec: false for a descriptor a child should inherit.";
}
