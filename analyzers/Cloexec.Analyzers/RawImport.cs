using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cloexec.Analyzers;

/// <summary>A method's [DllImport] or [LibraryImport], as the analyzer and the code fix read it.</summary>
internal sealed record RawImport(string? LibraryName, string EntryPoint, bool IsLibraryImport)
{
    public const string LibraryImportAttributeName = "System.Runtime.InteropServices.LibraryImportAttribute";

    public static RawImport? Of(IMethodSymbol method)
    {
        if (method.GetDllImportData() is { } dllImport)
        {
            return new RawImport(dllImport.ModuleName, dllImport.EntryPointName ?? method.Name, IsLibraryImport: false);
        }

        AttributeData? libraryImport = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == LibraryImportAttributeName);
        if (libraryImport is null)
        {
            return null;
        }

        string? library = libraryImport.ConstructorArguments.Length > 0 ? libraryImport.ConstructorArguments[0].Value as string : null;
        string? entryPoint = libraryImport.NamedArguments.FirstOrDefault(a => a.Key == "EntryPoint").Value.Value as string;
        return new RawImport(library, entryPoint ?? method.Name, IsLibraryImport: true);
    }
}
