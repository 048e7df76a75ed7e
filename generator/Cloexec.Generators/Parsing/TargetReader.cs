using System.Collections.Generic;
using System.Linq;
using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Parsing;

/// <summary>
/// How the wrapper reaches native code: its own import of the named library, or the raw import Wraps names. Reports
/// CLOEXEC0003 (neither), 0013 (both), 0009 (Wraps names nothing), 0014 (not an import) and 0015 (another signature).
/// </summary>
internal static class TargetReader
{
    public static NativeTarget? Read(IMethodSymbol method, AttributeSettings settings, IReadOnlyList<IParameterSymbol> nativeParameters, Location location, List<DiagnosticInfo> diagnostics)
    {
        bool hasLibrary = !string.IsNullOrWhiteSpace(settings.LibraryName);
        bool hasWraps = !string.IsNullOrWhiteSpace(settings.Wraps);
        if (hasLibrary && hasWraps)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LibraryAndWraps, location, method.Name, settings.Wraps!));
            return null;
        }

        if (!hasLibrary && !hasWraps)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LibraryOrWrapsRequired, location, method.Name));
            return null;
        }

        if (hasLibrary)
        {
            return new NativeTarget(settings.LibraryName, settings.EntryPoint ?? method.Name, settings.SetLastError, null, false);
        }

        IMethodSymbol[] candidates = method.ContainingType.GetMembers(settings.Wraps!).OfType<IMethodSymbol>().ToArray();
        if (candidates.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrapsNamesNoMethod, location, settings.Wraps!, method.Name, method.ContainingType.Name));
            return null;
        }

        IMethodSymbol[] imports = candidates.Where(c => LibraryImportOf(c) is not null || c.GetDllImportData() is not null).ToArray();
        if (imports.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrapsNamesNoImport, location, settings.Wraps!, method.Name));
            return null;
        }

        IMethodSymbol? raw = imports.FirstOrDefault(c => SignatureMatches(c, method, nativeParameters));
        if (raw is null)
        {
            string expected = string.Join(", ", nativeParameters.Select(p => (p.RefKind == RefKind.None ? string.Empty : p.RefKind.ToString().ToLowerInvariant() + " ") + p.Type.ToDisplayString()));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrapsSignatureMismatch, location, settings.Wraps!, method.Name, method.ReturnType.ToDisplayString(), expected));
            return null;
        }

        AttributeData? libraryImport = LibraryImportOf(raw);
        DllImportData? dllImport = raw.GetDllImportData();
        string rawEntryPoint = (libraryImport is not null ? NamedString(libraryImport, "EntryPoint") : dllImport!.EntryPointName) ?? raw.Name;
        bool rawSetsLastError = libraryImport is not null ? NamedBool(libraryImport, "SetLastError") : dllImport!.SetLastError;
        string? rawLibrary = libraryImport is not null
            ? libraryImport.ConstructorArguments.FirstOrDefault().Value as string
            : dllImport!.ModuleName;
        return new NativeTarget(rawLibrary, settings.EntryPoint ?? rawEntryPoint, rawSetsLastError, TypeNames.Identifier(raw.Name), rawSetsLastError);
    }

    private static AttributeData? LibraryImportOf(IMethodSymbol method) =>
        method.GetAttributes().FirstOrDefault(a => TypeNames.HasQualifiedName(a.AttributeClass, "System.Runtime.InteropServices.LibraryImportAttribute"));

    private static bool SignatureMatches(IMethodSymbol raw, IMethodSymbol wrapper, IReadOnlyList<IParameterSymbol> nativeParameters) =>
        raw.IsStatic
        && !SymbolEqualityComparer.Default.Equals(raw, wrapper)
        && raw.Parameters.Length == nativeParameters.Count
        && SymbolEqualityComparer.Default.Equals(raw.ReturnType, wrapper.ReturnType)
        && raw.Parameters.Zip(nativeParameters, (r, w) => r.RefKind == w.RefKind && SymbolEqualityComparer.Default.Equals(r.Type, w.Type)).All(same => same);

    private static string? NamedString(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static bool NamedBool(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is true;
}
