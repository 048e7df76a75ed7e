using System.Linq;
using System.Runtime.InteropServices;
using Cloexec.Generators.Knowledge;
using Microsoft.CodeAnalysis;

namespace Cloexec.Analyzers;

/// <summary>A method's [DllImport] or [LibraryImport], as the analyzer and the code fix read it.</summary>
/// <param name="EntryPoint">The function the declaration binds (see <see cref="Bound"/>), not merely the name written.</param>
/// <param name="WrittenEntryPoint">EntryPoint as written, else the method's name.</param>
internal sealed record RawImport(string? LibraryName, string EntryPoint, bool IsLibraryImport, string WrittenEntryPoint)
{
    public const string LibraryImportAttributeName = "System.Runtime.InteropServices.LibraryImportAttribute";

    public NativePlatform Platform => NativeLibraries.PlatformOf(LibraryName);

    public static RawImport? Of(IMethodSymbol method)
    {
        // An explicit interface implementation's own name is "IFoo.open", which binds nothing: its entry point is written.
        string name = method.ExplicitInterfaceImplementations.FirstOrDefault()?.Name ?? method.Name;
        if (method.GetDllImportData() is { } dllImport)
        {
            string written = dllImport.EntryPointName ?? name;
            return new RawImport(dllImport.ModuleName, Bound(dllImport.ModuleName, written, dllImport.CharacterSet, dllImport.ExactSpelling), IsLibraryImport: false, written);
        }

        AttributeData? libraryImport = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == LibraryImportAttributeName);
        if (libraryImport is null)
        {
            return null;
        }

        string? library = libraryImport.ConstructorArguments.Length > 0 ? libraryImport.ConstructorArguments[0].Value as string : null;
        string entryPoint = libraryImport.NamedArguments.FirstOrDefault(a => a.Key == "EntryPoint").Value.Value as string ?? name;
        return new RawImport(library, entryPoint, IsLibraryImport: true, entryPoint);
    }

    /// <summary>
    /// The function a [DllImport] binds on Windows, where the runtime probes the name with a suffix unless ExactSpelling:
    /// under CharSet.Unicode (and Auto, which is Unicode there) the 'W' function first, under Ansi the name as written
    /// first and then the 'A' function. On Unix the name is looked up as written. Only the table's names are probed:
    /// a suffixed name the table does not know is no creator either way.
    /// </summary>
    private static string Bound(string? library, string written, CharSet charSet, bool exactSpelling)
    {
        if (exactSpelling || NativeLibraries.PlatformOf(library) != NativePlatform.Windows)
        {
            return written;
        }

        bool Known(string name) => EntryPointTable.Find(name, NativePlatform.Windows) is not null;
        if (charSet is CharSet.Unicode or CharSet.Auto)
        {
            return Known(written + "W") ? written + "W" : written;
        }

        return !Known(written) && Known(written + "A") ? written + "A" : written;
    }
}
