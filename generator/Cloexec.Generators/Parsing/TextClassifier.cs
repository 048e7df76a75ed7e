using System.Linq;
using Cloexec.Generators.Model;
using Microsoft.CodeAnalysis;
using static Cloexec.Generators.Parsing.ParameterClassifier;

namespace Cloexec.Generators.Parsing;

/// <summary>
/// Strings and StringBuilder buffers, decided as [DllImport] and [LibraryImport] decide them: the parameter's [MarshalAs]
/// first (an LPStr parameter of a CharSet.Unicode declaration is narrow), then the declaration's StringMarshalling or CharSet.
/// </summary>
internal static class TextClassifier
{
    private const string MarshalAsAdvice = "put [MarshalAs(UnmanagedType.LPStr)] (or LPUTF8Str, LPWStr, LPTStr) on the parameter";

    public static Classification ClassifyString(string? unmanagedType, AttributeSettings settings)
    {
        if (unmanagedType is null && settings.StringMarshalling == StringMarshallingCustom && settings.StringMarshallingCustomType is { } marshaller)
        {
            return CustomString(marshaller);
        }

        TextEncoding? encoding = unmanagedType is null ? DeclaredEncoding(settings) : EncodingOf(unmanagedType);
        return encoding switch
        {
            TextEncoding.Utf8 => new(MarshalKind.Utf8String, "byte*", null),
            TextEncoding.Utf16 => new(MarshalKind.Utf16String, "ushort*", null),
            TextEncoding.Ansi => new(MarshalKind.AnsiString, "byte*", null),
            TextEncoding.Platform => new(MarshalKind.PlatformString, "void*", null),
            _ when unmanagedType is not null => Unsupported(NotGenerated(unmanagedType)),
            _ when settings.StringMarshalling == StringMarshallingCustom =>
                Unsupported(", which StringMarshalling.Custom marshals only through a StringMarshallingCustomType: name the marshaller type (see CLOEXEC0018)"),
            _ => Unsupported(", and the declaration does not say how its strings cross: set StringMarshalling = StringMarshalling.Utf8 (or Utf16) "
                + "or CharSet = CharSet.Ansi (or Unicode, Auto) on [CreatesDescriptor], or " + MarshalAsAdvice),
        };
    }

    /// <summary>
    /// A buffer as [DllImport] passes a StringBuilder: its capacity in the string's encoding, copied in unless it is
    /// [Out] only, read back unless it is [In] only.
    /// </summary>
    public static Classification ClassifyStringBuilder(IParameterSymbol parameter, string? unmanagedType, AttributeSettings settings)
    {
        if (parameter.RefKind != RefKind.None)
        {
            return Unsupported(", passed by reference, which only [DllImport] marshals: declare the raw function with [DllImport] and point Wraps at it");
        }

        TextEncoding? encoding = unmanagedType is null ? DeclaredEncoding(settings) : EncodingOf(unmanagedType);
        if (encoding is not { } known)
        {
            return Unsupported(
                unmanagedType is not null ? NotGenerated(unmanagedType)
                : settings.StringMarshalling == StringMarshallingCustom ? ", and StringMarshallingCustomType marshals strings, not StringBuilder buffers: " + MarshalAsAdvice
                : ", and the declaration does not say the buffer's encoding: set CharSet = CharSet.Ansi (as [DllImport] has it by default; or Unicode, Auto) "
                    + "or StringMarshalling = StringMarshalling.Utf8 (or Utf16) on [CreatesDescriptor], or " + MarshalAsAdvice);
        }

        // Neither or both: [DllImport]'s default for a StringBuilder, in and out.
        (bool inAttribute, bool outAttribute) = MarshalAsReader.DirectionAttributesOf(parameter);
        bool copiedIn = inAttribute || !outAttribute;
        bool copiedOut = outAttribute || !inAttribute;
        string native = known switch
        {
            TextEncoding.Utf16 => "char*",
            TextEncoding.Platform => "void*",
            _ => "byte*",
        };
        return new(MarshalKind.StringBuilder, native, null, Encoding: known, CopiedIn: copiedIn, CopiedOut: copiedOut);
    }

    /// <summary>StringMarshalling first ([LibraryImport]'s way), else CharSet ([DllImport]'s; None is Ansi there).</summary>
    private static TextEncoding? DeclaredEncoding(AttributeSettings settings) => settings.StringMarshalling switch
    {
        StringMarshallingUtf8 => TextEncoding.Utf8,
        StringMarshallingUtf16 => TextEncoding.Utf16,
        null => settings.CharSet switch
        {
            "Ansi" or "None" => TextEncoding.Ansi,
            "Unicode" => TextEncoding.Utf16,
            "Auto" => TextEncoding.Platform,
            _ => null,
        },
        _ => null,
    };

    private static TextEncoding? EncodingOf(string unmanagedType) => unmanagedType switch
    {
        MarshalAsReader.LPStr => TextEncoding.Ansi,
        MarshalAsReader.LPUTF8Str => TextEncoding.Utf8,
        MarshalAsReader.LPWStr => TextEncoding.Utf16,
        MarshalAsReader.LPTStr => TextEncoding.Platform,
        _ => null,
    };

    private static string NotGenerated(string unmanagedType) =>
        $", and [MarshalAs(UnmanagedType.{unmanagedType})] is not generated for it: use LPStr, LPUTF8Str, LPWStr or LPTStr, or {WrapsAdvice}";

    /// <summary>
    /// The stateless shape of a custom string marshaller: <c>static TNative ConvertToUnmanaged(string)</c> with an
    /// unmanaged <c>TNative</c>, and optionally <c>static void Free(TNative)</c>. Stateful shapes go through Wraps.
    /// </summary>
    private static Classification CustomString(INamedTypeSymbol marshaller)
    {
        // The generated wrapper lives in another type: only public and internal members can be called from it.
        IMethodSymbol? convert = marshaller.GetMembers("ConvertToUnmanaged").OfType<IMethodSymbol>().FirstOrDefault(m =>
            m.IsStatic && IsCallableFromAnotherType(m) && m.Parameters.Length == 1 && m.Parameters[0].Type.SpecialType == SpecialType.System_String
            && m.ReturnType.IsUnmanagedType);
        if (convert is null)
        {
            return Unsupported($", marshalled through {marshaller.Name}, which has no public or internal static ConvertToUnmanaged(string) returning an unmanaged type: "
                + "give it one (only that stateless shape is generated), or " + WrapsAdvice);
        }

        bool frees = marshaller.GetMembers("Free").OfType<IMethodSymbol>().Any(m =>
            m.IsStatic && IsCallableFromAnotherType(m) && m.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, convert.ReturnType));
        return new(MarshalKind.CustomString, TypeNames.FullyQualified(convert.ReturnType), null, TypeNames.FullyQualified(marshaller), frees);
    }

    private static bool IsCallableFromAnotherType(IMethodSymbol method) =>
        method.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;
}
