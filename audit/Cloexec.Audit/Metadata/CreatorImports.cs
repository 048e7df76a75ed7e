using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Metadata;
using Cloexec.Analyzers.Knowledge;
using Cloexec.Generators.Knowledge;

namespace Cloexec.Audit.Metadata;

/// <summary>Finds the P/Invoke methods, private ones included, that import a creator of the generator's table.</summary>
/// <remarks>
/// The analyzer's rule decides which imports count: the C library under one of its names (every Unix), or a Windows
/// library. A [LibraryImport] compiles to a private [DllImport] inside its stub, which is found here like any other.
/// </remarks>
internal static class CreatorImports
{
    public static Dictionary<MethodDefinitionHandle, CreatorImport> Find(MetadataReader reader)
    {
        var found = new Dictionary<MethodDefinitionHandle, CreatorImport>();
        foreach (MethodDefinitionHandle handle in reader.MethodDefinitions)
        {
            MethodDefinition method = reader.GetMethodDefinition(handle);
            if ((method.Attributes & MethodAttributes.PinvokeImpl) == 0)
            {
                continue;
            }

            MethodImport import = method.GetImport();
            if (import.Module.IsNil)
            {
                continue;
            }

            string library = reader.GetString(reader.GetModuleReference(import.Module).Name);
            string entryPoint = import.Name.IsNil ? reader.GetString(method.Name) : reader.GetString(import.Name);
            if (Lookup(library, entryPoint) is { } creator)
            {
                found.Add(handle, new CreatorImport(handle, MethodNames.Of(reader, handle), library, creator, MethodNames.IsVisibleOutside(reader, handle)));
            }
        }

        return found;
    }

    /// <summary>The table's row for an import, or <see langword="null"/> when it creates no descriptor this project knows.</summary>
    public static EntryPointInfo? Lookup(string library, string entryPoint)
    {
        if (NativeLibraries.PlatformOf(library) == NativePlatform.Windows)
        {
            return EntryPointTable.Find(entryPoint, NativePlatform.Windows);
        }

        return NativeLibraries.ExportsUnixCreator(library, entryPoint) ? EntryPointTable.Find(entryPoint, NativePlatform.Unix) : null;
    }
}
