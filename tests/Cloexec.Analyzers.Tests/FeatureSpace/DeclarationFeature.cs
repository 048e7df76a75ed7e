using System;
using System.Collections.Immutable;
using System.Linq;

namespace Cloexec.Analyzers.Tests.FeatureSpace;

/// <summary>
/// One feature a raw declaration can have beyond its signature (<see cref="Creator"/>): how it is declared, imported and
/// attributed. Features of one slot exclude each other; <see cref="Fits"/> says which declarations a feature can join
/// and still be a declaration that compiles and runs before the fix.
/// </summary>
internal sealed record DeclarationFeature(string Slot, string Name, Func<RawDeclaration, RawDeclaration> Apply, Func<RawDeclaration, bool>? Fits = null)
{
    private static bool IsClass(RawDeclaration d) => d.Container is not (Container.StaticClass or Container.Struct or Container.RecordStruct or Container.NestedInStruct);

    private static bool CanImplement(RawDeclaration d) => d.Container != Container.StaticClass;

    private static RawDeclaration With(RawDeclaration d, string argument) => d with { ImportArguments = (d.ImportArguments.IsDefault ? [] : d.ImportArguments).Add(argument) };

    private static RawDeclaration WithAttribute(RawDeclaration d, string attribute) =>
        d with { MethodAttributes = (d.MethodAttributes.IsDefault ? [] : d.MethodAttributes).Add(attribute) };

    private static RawDeclaration WithModifier(RawDeclaration d, string modifier) =>
        d with { Modifiers = (d.Modifiers.IsDefault ? [] : d.Modifiers).Add(modifier) };

    // Strings decoded as UTF-16 reach memfd_create's name only: a path would change.
    private static bool NoPath(RawDeclaration d) => !d.Creator.PathChecked;

    private static bool DllImportOnly(RawDeclaration d) => !d.LibraryImport;

    public static readonly ImmutableArray<DeclarationFeature> All =
    [
        new("accessibility", "public", d => d with { Accessibility = "public" }),
        new("accessibility", "private", d => d with { Accessibility = "private" }, d => d.Interface != InterfaceRole.ImplicitStaticAbstract),
        new("accessibility", "protected", d => d with { Accessibility = "protected" }, d => IsClass(d) && d.Interface != InterfaceRole.ImplicitStaticAbstract),
        new("accessibility", "protected internal", d => d with { Accessibility = "protected internal" }, d => IsClass(d) && d.Interface != InterfaceRole.ImplicitStaticAbstract),
        new("accessibility", "private protected", d => d with { Accessibility = "private protected" }, d => IsClass(d) && d.Interface != InterfaceRole.ImplicitStaticAbstract),
        new("accessibility", "omitted", d => d with { Accessibility = null }, d => d.Interface != InterfaceRole.ImplicitStaticAbstract),
        new("new", "new", d => WithModifier(d, "new"), d => d.Container == Container.SealedDerivedClass),
        new("unsafe", "unsafe", d => WithModifier(d, "unsafe")),
        new("container", "class", d => d with { Container = Container.Class }),
        new("container", "sealed derived class", d => d with { Container = Container.SealedDerivedClass }),
        new("container", "partial class", d => d with { Container = Container.PartialClass }),
        new("container", "struct", d => d with { Container = Container.Struct }, d => !d.Accessibility?.Contains("protected", StringComparison.Ordinal) ?? true),
        new("container", "record class", d => d with { Container = Container.RecordClass }),
        new("container", "record struct", d => d with { Container = Container.RecordStruct }, d => !d.Accessibility?.Contains("protected", StringComparison.Ordinal) ?? true),
        new("container", "nested in a class", d => d with { Container = Container.NestedInClass }),
        new("container", "nested in a struct", d => d with { Container = Container.NestedInStruct }, d => !d.Accessibility?.Contains("protected", StringComparison.Ordinal) ?? true),
        new("interface", "implicit static abstract", d => d with { Interface = InterfaceRole.ImplicitStaticAbstract, Accessibility = "public" },
            d => CanImplement(d) && (d.Accessibility is "public" or "internal")),
        new("interface", "explicit static abstract", d => d with { Interface = InterfaceRole.ExplicitStaticAbstract }, CanImplement),
        new("method group", "converted to a delegate", d => d with { UsedAsMethodGroup = true }, d => d.Creator.DelegateType is not null),
        new("charset", "CharSet.Ansi", d => With(d, "CharSet = CharSet.Ansi"), DllImportOnly),
        new("charset", "CharSet.Unicode", d => With(d, "CharSet = CharSet.Unicode"), d => DllImportOnly(d) && NoPath(d)),
        new("charset", "CharSet.Auto", d => With(d, "CharSet = CharSet.Auto"), DllImportOnly),
        new("exact spelling", "ExactSpelling", d => With(d, "ExactSpelling = true"), DllImportOnly),
        new("calling convention", "Cdecl", d => With(d, "CallingConvention = CallingConvention.Cdecl"), DllImportOnly),
        new("calling convention", "Winapi", d => With(d, "CallingConvention = CallingConvention.Winapi"), DllImportOnly),
        new("best fit", "BestFitMapping", d => With(d, "BestFitMapping = false"), DllImportOnly),
        new("throw on unmappable", "ThrowOnUnmappableChar", d => With(d, "ThrowOnUnmappableChar = true"), DllImportOnly),
        new("preserve sig", "PreserveSig", d => With(d, "PreserveSig = true"), DllImportOnly),
        new("set last error", "SetLastError", d => With(d, "SetLastError = true")),
        new("entry point", "EntryPoint", d => With(d with { MethodName = "Renamed" + d.Creator.EntryPoint }, $"EntryPoint = \"{d.Creator.EntryPoint}\"")),
        new("import", "LibraryImport", d => d with { LibraryImport = true }, d => d.Creator.LibraryImportOk && (d.ImportArguments.IsDefault || !d.ImportArguments.Any(a => a.StartsWith("CharSet", StringComparison.Ordinal) || a.StartsWith("ExactSpelling", StringComparison.Ordinal) || a.StartsWith("Calling", StringComparison.Ordinal) || a.StartsWith("Best", StringComparison.Ordinal) || a.StartsWith("Throw", StringComparison.Ordinal) || a.StartsWith("Preserve", StringComparison.Ordinal)))),
        new("string marshalling", "StringMarshalling.Utf16", d => With(d with { LibraryImport = true }, "StringMarshalling = StringMarshalling.Utf16"), d => d.Creator.LibraryImportOk && d.Creator.Strings && NoPath(d) && d.ImportArguments.IsDefault),
        new("string marshalling", "StringMarshallingCustomType", d => With(With(d with { LibraryImport = true }, "StringMarshalling = StringMarshalling.Custom"), "StringMarshallingCustomType = typeof(Utf8PathMarshaller)"),
            d => d.Creator.LibraryImportOk && d.Creator.Strings && d.Creator.Parameters.StartsWith("string", StringComparison.Ordinal) && d.ImportArguments.IsDefault),
        new("library", "libc.so.6", d => d with { Library = "\"libc.so.6\"" }),
        new("library", "a constant of another class", d => d with { Library = "Libraries.C" }),
        new("method attribute", "SuppressGCTransition", d => WithAttribute(d, "[SuppressGCTransition]")),
        new("method attribute", "SupportedOSPlatform", d => WithAttribute(d, "[System.Runtime.Versioning.SupportedOSPlatform(\"linux\")]")),
        new("method attribute", "Obsolete", d => WithAttribute(d, "[System.Obsolete(\"use the other one\")]")),
        new("method attribute", "DefaultDllImportSearchPaths", d => WithAttribute(d, "[DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]")),
        new("method attribute", "[return: MarshalAs(I4)]", d => WithAttribute(d, "[return: MarshalAs(UnmanagedType.I4)]"), d => d.Creator.ReturnType == "int"),
    ];
}
