namespace Cloexec.Generators.Emitting;

/// <summary>The runtime's types the generated code names, each written once.</summary>
internal static class RuntimeNames
{
    public const string Runtime = "global::Cloexec.Interop.DescriptorRuntime";
    public const string FlagValues = "global::Cloexec.Interop.CloexecFlagValues";
    public const string CloexecMode = "global::Cloexec.Interop.CloexecMode";
    public const string AtomicWay = "global::Cloexec.Interop.AtomicWay";
    public const string AtomicFunctions = "global::Cloexec.Interop.AtomicFunctions";
    public const string CrtLibrary = "global::Cloexec.Interop.CrtLibrary";
    public const string Marshal = "global::System.Runtime.InteropServices.Marshal";
}
