using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Diagnostics;

/// <summary>Every diagnostic the generator reports. Each ID has a section in docs/diagnostics.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Cloexec";
    // Relative to the repository root; the package README links the same file.
    private const string HelpBase = "docs/diagnostics.md#";

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());

    public static readonly DiagnosticDescriptor MethodMustBeStaticPartial = Error(
        "CLOEXEC0001",
        "A [CreatesDescriptor] method must be static partial, without a body",
        "Method '{0}' must be declared 'static partial', without a body, to get a generated body");

    public static readonly DiagnosticDescriptor ContainingTypeMustBePartial = Error(
        "CLOEXEC0002",
        "The types around a [CreatesDescriptor] method must be partial",
        "Type '{0}', which contains [CreatesDescriptor] method '{1}', must be declared 'partial'");

    public static readonly DiagnosticDescriptor LibraryOrWrapsRequired = Error(
        "CLOEXEC0003",
        "A [CreatesDescriptor] method needs a library name or Wraps",
        "Method '{0}' names neither a native library nor a raw import: write [CreatesDescriptor(\"libc\")] or [CreatesDescriptor(Wraps = nameof(...))]");

    public static readonly DiagnosticDescriptor UnknownEntryPoint = Error(
        "CLOEXEC0004",
        "Unknown descriptor-creating entry point",
        "The generator does not know where '{0}' (method '{1}') takes its close-on-exec flag: set FlagsParameter and Flag, or Flag = CloexecFlag.None to set the flag after creation");

    public static readonly DiagnosticDescriptor InvalidFlagsParameter = Error(
        "CLOEXEC0005",
        "FlagsParameter must name an integer parameter",
        "FlagsParameter '{0}' of method '{1}' must name a parameter of type int, uint or an enum of those");

    public static readonly DiagnosticDescriptor UnsupportedParameterType = Error(
        "CLOEXEC0006",
        "Parameter type not marshalled by the generator",
        "Parameter '{0}' of method '{1}' has type '{2}'{3}");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "CLOEXEC0007",
        "Return type cannot carry the descriptor",
        "Method '{0}' returns '{1}', but '{2}' returns {3}");

    public static readonly DiagnosticDescriptor InvalidCloexecParameter = Error(
        "CLOEXEC0008",
        "The cloexec parameter must be bool or bool?",
        "Parameter 'cloexec' of method '{0}' has type '{1}': declare it as 'bool? cloexec = null' or 'bool cloexec'");

    public static readonly DiagnosticDescriptor WrapsNamesNoMethod = Error(
        "CLOEXEC0009",
        "Wraps names no method",
        "Wraps = \"{0}\" of method '{1}' names no method of '{2}': name a [LibraryImport] or [DllImport] method of the same type");

    public static readonly DiagnosticDescriptor UnsafeCodeRequired = Error(
        "CLOEXEC0010",
        "[CreatesDescriptor] needs unsafe code",
        "Method '{0}' needs <AllowUnsafeBlocks>true</AllowUnsafeBlocks> in the project, as [LibraryImport] does");

    public static readonly DiagnosticDescriptor MissingFlagArgument = Error(
        "CLOEXEC0011",
        "The entry point's arguments are missing",
        "'{0}' takes {1} at argument {2}, but method '{3}' declares only {4} native parameter(s)");

    public static readonly DiagnosticDescriptor GenericMethodOrType = Error(
        "CLOEXEC0012",
        "A [CreatesDescriptor] method cannot be generic or inside a generic type",
        "{0} '{1}' has type parameters, but a native function has none: declare [CreatesDescriptor] method '{2}' without type parameters, in a non-generic type");

    public static readonly DiagnosticDescriptor LibraryAndWraps = Error(
        "CLOEXEC0013",
        "A [CreatesDescriptor] method takes a library name or Wraps, not both",
        "Method '{0}' names both a native library and Wraps = \"{1}\": keep the library to import the function, or Wraps to call the raw import");

    public static readonly DiagnosticDescriptor WrapsNamesNoImport = Error(
        "CLOEXEC0014",
        "Wraps must name a raw import",
        "Wraps = \"{0}\" of method '{1}' names a method that is neither [LibraryImport] nor [DllImport]: point it at the raw import itself");

    public static readonly DiagnosticDescriptor WrapsSignatureMismatch = Error(
        "CLOEXEC0015",
        "The wrapped import's signature differs",
        "Wraps = \"{0}\" of method '{1}' names an import with another signature: it must be static, return '{2}' and take ({3}), the wrapper's parameters less 'cloexec'");

    public static readonly DiagnosticDescriptor FlagDoesNotFit = Error(
        "CLOEXEC0016",
        "Flag does not fit the entry point",
        "Flag = {0} of method '{1}' does not fit '{2}': {3}");

    public static readonly DiagnosticDescriptor RefReturn = Error(
        "CLOEXEC0017",
        "A [CreatesDescriptor] method cannot return by reference",
        "Method '{0}' returns by reference, but a native function returns a value: remove 'ref' from the return type");

    public static readonly DiagnosticDescriptor InvalidStringMarshallingCustom = Error(
        "CLOEXEC0018",
        "The string settings of [CreatesDescriptor] contradict each other",
        "Method '{0}' {1}");

    // IDs from 0100 on: the platform diagnostics, kept apart from the 0012-0099 range used elsewhere.
    public static readonly DiagnosticDescriptor DescriptorsNotLocated = Error(
        "CLOEXEC0019",
        "Where the new descriptors come back is not said",
        "'{0}' is not in the generator's table, and argument '{1}' of method '{2}' could receive its descriptors: say where they are with Descriptors = DescriptorLocation.ReturnValue, Pair, TwoOutArguments, MessageHeader or MessageHeaders (and DescriptorsParameter)");

    public static readonly DiagnosticDescriptor InvalidDescriptorsParameter = Error(
        "CLOEXEC0020",
        "DescriptorsParameter names no parameter",
        "Descriptors = DescriptorLocation.{0} needs DescriptorsParameter to name the parameter of method '{1}' that holds the descriptors; '{2}' is not one");

    public static readonly DiagnosticDescriptor VariadicArgumentOnAppleArm64 = Warning(
        "CLOEXEC0100",
        "A variadic C function declared with its variadic argument",
        "'{0}' is a variadic C function: on Apple arm64 its argument '{1}' (method '{2}') is read from the stack, but a P/Invoke passes it in a register. Declare it without that argument, or mark the method, its type or the assembly [UnsupportedOSPlatform(\"macos\")] or [SupportedOSPlatform] without macOS if it never runs there.");

    public static readonly DiagnosticDescriptor InvalidDescriptorsArgument = Error(
        "CLOEXEC0102",
        "The argument that receives the new descriptors cannot be written through",
        "'{0}' returns its descriptors through argument '{1}' of method '{2}', which must be a pointer, nint, array, span, or ref/out");

    public static readonly DiagnosticDescriptor InvalidInheritanceArgument = Error(
        "CLOEXEC0101",
        "The argument that carries the inheritance choice has the wrong type",
        "'{0}' takes the inheritance choice in argument '{1}' of method '{2}', which must be {3}");
}
