using System.Reflection.Metadata;
using Cloexec.Generators.Knowledge;

namespace Cloexec.Audit.Metadata;

/// <summary>A P/Invoke method of an assembly that imports a descriptor creator of the generator's table.</summary>
/// <param name="Method">The importing method.</param>
/// <param name="Name">The method as <c>Namespace.Type.Method</c>.</param>
/// <param name="Library">The library the import names.</param>
/// <param name="Creator">The table's row for the entry point.</param>
/// <param name="IsPublic">Whether code outside the assembly can call the import itself.</param>
internal sealed record CreatorImport(MethodDefinitionHandle Method, string Name, string Library, EntryPointInfo Creator, bool IsPublic)
{
    /// <summary>macOS has no SOCK_CLOEXEC: there socket and socketpair take no close-on-exec bit at all.</summary>
    public bool HasNoFlagOnItsOs =>
        Creator.Flag == CloexecFlag.Socket && Library.Contains("libSystem", System.StringComparison.Ordinal);
}
