using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using Cloexec.Analyzers;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Parsing;
using Cloexec.Interop;
using Microsoft.CodeAnalysis;

namespace Cloexec.CodeFixes;

/// <summary>
/// The one place the code fix decides whether the generator marshals a raw import's signature itself, exactly as the
/// import did (README, "Signatures the generator marshals itself"). Everything else is converted to the Wraps form,
/// where the raw import stays as written and keeps doing its own marshalling. When the generator learns a type (LPStr
/// strings, StringBuilder...), this is the predicate to widen; nothing else in the fix changes.
/// </summary>
internal static class GeneratorMarshalling
{
    // System.Runtime.InteropServices.UnmanagedType members a converted declaration may keep.
    private const int UnmanagedTypeBool = (int)UnmanagedType.Bool;
    private const int UnmanagedTypeI1 = (int)UnmanagedType.I1;
    private const int UnmanagedTypeU1 = (int)UnmanagedType.U1;
    private const int UnmanagedTypeLPWStr = (int)UnmanagedType.LPWStr;
    private const int UnmanagedTypeLPStr = (int)UnmanagedType.LPStr;
    private const int UnmanagedTypeLPTStr = (int)UnmanagedType.LPTStr;
    private const int UnmanagedTypeLPUTF8Str = 48;
    private const int UnmanagedTypeLPArray = (int)UnmanagedType.LPArray;

    // System.Runtime.InteropServices.StringMarshalling members (not in netstandard2.0).
    private const int StringMarshallingUtf8 = 1;
    private const int StringMarshallingUtf16 = 2;

    // Method attributes that change the import itself; the generator's own import would not carry them.
    private static readonly ImmutableArray<string> s_importOnlyAttributes =
    [
        "System.Runtime.InteropServices.SuppressGCTransitionAttribute",
        "System.Runtime.InteropServices.DefaultDllImportSearchPathsAttribute",
        "System.Runtime.InteropServices.UnmanagedCallConvAttribute",
        "System.Runtime.InteropServices.LCIDConversionAttribute",
        "System.Runtime.InteropServices.Marshalling.MarshalUsingAttribute",
    ];

    /// <summary>Whether the attribute belongs to the import only (the raw method keeps it; a wrapper has no use for it).</summary>
    public static bool IsImportOnly(AttributeData attribute) =>
        attribute.AttributeClass?.ToDisplayString() is { } name && (s_importOnlyAttributes.Contains(name) || name == RawImport.LibraryImportAttributeName
            || name == "System.Runtime.InteropServices.DllImportAttribute");

    /// <summary>Whether the generator can declare this import itself, with the same meaning, instead of wrapping it.</summary>
    public static bool MarshalsItself(IMethodSymbol method, RawImport import)
    {
        NativePlatform platform = NativeLibraries.PlatformOf(import.LibraryName);
        if (method.IsGenericMethod || method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is { } name && s_importOnlyAttributes.Contains(name))
            || !ReturnMarshalsItself(method, dllImport: !import.IsLibraryImport) || !InheritanceArgumentFits(method, import, wraps: false))
        {
            return false;
        }

        if (import.IsLibraryImport)
        {
            // LibraryImport's custom string marshalling and [MarshalUsing] are the SDK generator's: keep them through Wraps.
            AttributeData libraryImport = method.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == RawImport.LibraryImportAttributeName);
            int? marshalling = libraryImport.NamedArguments.FirstOrDefault(a => a.Key == "StringMarshalling").Value.Value as int?;
            return marshalling is null or StringMarshallingUtf8 or StringMarshallingUtf16
                && method.Parameters.All(p => ParameterMarshalsItself(p, defaultStringIsUnderstood: marshalling is not null, dllImport: false));
        }

        DllImportData data = method.GetDllImportData()!;
        // PreserveSig = false turns an HRESULT into an exception; BestFitMapping and ThrowOnUnmappableChar change how
        // ANSI strings are converted; a calling convention other than the platform's own changes the call on x86.
        bool plainSettings = method.MethodImplementationFlags.HasFlag(System.Reflection.MethodImplAttributes.PreserveSig)
            && data.BestFitMapping is null && data.ThrowOnUnmappableCharacter is null
            && (data.CallingConvention == CallingConvention.Winapi || (platform == NativePlatform.Unix && data.CallingConvention == CallingConvention.Cdecl));
        // DllImport's strings are understood under every CharSet: UTF-16 under Unicode (and Auto, on Windows); ANSI, which
        // is UTF-8 on Unix and the ANSI code page on Windows, which the converted declaration says with CharSet.Ansi.
        const bool defaultStringIsUnderstood = true;
        return plainSettings && method.Parameters.All(p => ParameterMarshalsItself(p, defaultStringIsUnderstood, dllImport: true));
    }

    /// <summary>
    /// Whether the argument that carries a Win32 creator's inheritance has a shape the generator rewrites: a
    /// SECURITY_ATTRIBUTES (or CREATEFILE2_EXTENDED_PARAMETERS) as a pointer, a native integer or a <c>ref</c>/<c>in</c>
    /// struct of bytes in either form; with <paramref name="wraps"/> also a struct of any fields by value or by reference
    /// and a layout class, which only the raw import marshals (as a pointer to a copy). A bInheritHandle must be a BOOL
    /// by value in either form: <c>int</c>, <c>uint</c>, an enum over them, or <c>bool</c>. Any other function: true.
    /// </summary>
    public static bool InheritanceArgumentFits(IMethodSymbol method, RawImport import, bool wraps)
    {
        if (EntryPointTable.Find(import.EntryPoint, NativeLibraries.PlatformOf(import.LibraryName)) is not { FlagArgument: >= 0 } row
            || row.FlagArgument >= method.Parameters.Length)
        {
            return true;
        }

        IParameterSymbol argument = method.Parameters[row.FlagArgument];
        ITypeSymbol type = argument.Type;
        bool userStruct = InteropTypes.IsUserStruct(type);
        return row.Placement switch
        {
            FlagPlacement.StructCopy or FlagPlacement.NestedStructCopy => argument.RefKind switch
            {
                RefKind.None => type is IPointerTypeSymbol || type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr
                    || (wraps && (userStruct || InteropTypes.IsLayoutClass(type))),
                RefKind.Ref or RefKind.In or RefKind.RefReadOnlyParameter => userStruct && (wraps || IsInteropBlittable(type)),
                _ => false,
            },
            FlagPlacement.InheritBool => argument.RefKind == RefKind.None
                && ((type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } ? underlying : type).SpecialType
                    is SpecialType.System_Boolean or SpecialType.System_Int32 or SpecialType.System_UInt32),
            _ => true,
        };
    }

    /// <summary>
    /// Whether the converted method needs <c>[return: MarshalAs(UnmanagedType.Bool)]</c> written for its <c>bool</c> result:
    /// the generator wants a BOOL said. The direct form needs it where the import had none (a bare bool is what
    /// [DllImport] marshals as a BOOL); a Wraps wrapper always, since the raw import keeps its own.
    /// </summary>
    public static bool NeedsBoolReturnMarshalAs(IMethodSymbol method, bool direct) =>
        method.ReturnType.SpecialType == SpecialType.System_Boolean && (!direct || MarshalAsOf(method.GetReturnTypeAttributes()) is null);

    /// <summary>Whether a [DllImport]'s bare <c>bool</c> parameter needs <c>[MarshalAs(UnmanagedType.Bool)]</c> written.</summary>
    public static bool NeedsBoolMarshalAs(IParameterSymbol parameter) =>
        parameter.Type.SpecialType == SpecialType.System_Boolean && parameter.RefKind == RefKind.None && MarshalAsOf(parameter.GetAttributes()) is null;

    private static bool ReturnMarshalsItself(IMethodSymbol method, bool dllImport)
    {
        ITypeSymbol type = method.ReturnType;
        int? marshalAs = MarshalAsOf(method.GetReturnTypeAttributes());
        if (type.SpecialType == SpecialType.System_Boolean)
        {
            // A [DllImport]'s bare bool result is a BOOL, which the fix writes as [return: MarshalAs(UnmanagedType.Bool)].
            return marshalAs == UnmanagedTypeBool || (marshalAs is null && dllImport);
        }

        return marshalAs is null && (InteropTypes.IsSafeHandle(type) ? !type.IsAbstract : IsInteropBlittable(type));
    }

    private static bool ParameterMarshalsItself(IParameterSymbol parameter, bool defaultStringIsUnderstood, bool dllImport)
    {
        ITypeSymbol type = parameter.Type;
        int? marshalAs = MarshalAsOf(parameter.GetAttributes());
        if (parameter.GetAttributes().Any(a => a.AttributeClass?.Name == "MarshalUsingAttribute"))
        {
            return false;
        }

        if (parameter.RefKind != RefKind.None)
        {
            return marshalAs is null && IsInteropBlittable(type);
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
                // A [DllImport]'s bare bool is a BOOL, which the fix writes as [MarshalAs(UnmanagedType.Bool)].
                return marshalAs is UnmanagedTypeBool or UnmanagedTypeI1 or UnmanagedTypeU1 || (marshalAs is null && dllImport);
            case SpecialType.System_String:
                return IsTextMarshalAs(marshalAs) || (marshalAs is null && defaultStringIsUnderstood);
        }

        if (InteropTypes.IsStringBuilder(type))
        {
            // A buffer the call fills (mkstemp's template): copied in and back by value; [LibraryImport] has none.
            return dllImport && parameter.RefKind == RefKind.None && (IsTextMarshalAs(marshalAs) || (marshalAs is null && defaultStringIsUnderstood));
        }

        if (InteropTypes.IsSafeHandle(type))
        {
            return marshalAs is null && !type.IsAbstract;
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            // A blittable array is pinned by both, whatever [In]/[Out] say.
            return marshalAs is null or UnmanagedTypeLPArray && IsInteropBlittable(array.ElementType);
        }

        return marshalAs is null && IsInteropBlittable(type);
    }

    /// <summary>The [MarshalAs] encodings of a string or StringBuilder the generator writes itself (docs/marshalling.md).</summary>
    private static bool IsTextMarshalAs(int? marshalAs) =>
        marshalAs is UnmanagedTypeLPStr or UnmanagedTypeLPUTF8Str or UnmanagedTypeLPWStr or UnmanagedTypeLPTStr;

    /// <summary>
    /// Crosses as its bytes: integers, enums, pointers, and structs of such fields. Unlike C#'s "unmanaged", not bool and
    /// not char, which [DllImport] converts, also inside a struct.
    /// </summary>
    private static bool IsInteropBlittable(ITypeSymbol type)
    {
        switch (type)
        {
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return true;
            case INamedTypeSymbol { TypeKind: TypeKind.Enum }:
                return true;
            case INamedTypeSymbol { TypeKind: TypeKind.Struct, IsGenericType: false } named:
                if (named.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_Decimal)
                {
                    return false;
                }

                if (named.SpecialType != SpecialType.None)
                {
                    return named.IsUnmanagedType;
                }

                return named.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic).All(f => IsInteropBlittable(f.Type));
            default:
                return false;
        }
    }

    private static int? MarshalAsOf(ImmutableArray<AttributeData> attributes)
    {
        AttributeData? marshalAs = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.MarshalAsAttribute");
        return marshalAs is { ConstructorArguments.Length: > 0 } && marshalAs.ConstructorArguments[0].Value is int or short
            ? System.Convert.ToInt32(marshalAs.ConstructorArguments[0].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }
}
