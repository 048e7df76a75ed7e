namespace Cloexec.Analyzers;

/// <summary>The runtime's attribute, known to the analyzer by name only (the analyzer does not reference the runtime).</summary>
internal static class CreatesDescriptorAttributeName
{
    public const string MetadataName = "Cloexec.CreatesDescriptorAttribute";
    public const string ShortName = "CreatesDescriptor";
    public const string Namespace = "Cloexec";
}
