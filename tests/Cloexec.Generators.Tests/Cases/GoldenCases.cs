using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Cloexec.Generators.Tests.Cases;

/// <summary>Every golden case, by name: the golden, compilation and determinism tests all walk this one list.</summary>
public static class GoldenCases
{
    public static IReadOnlyList<GoldenCase> All { get; } =
    [
        new("OpenFamily", LinuxOnly(FlaggedEntryPointSources.OpenFamily)),
        new("PipeAndDup", LinuxOnly(FlaggedEntryPointSources.PipeAndDup)),
        new("SocketFamily", LinuxOnly(FlaggedEntryPointSources.SocketFamily)),
        new("EventFamily", LinuxOnly(FlaggedEntryPointSources.EventFamily)),
        new("MemoryTimerAndSignalFamily", LinuxOnly(FlaggedEntryPointSources.MemoryTimerAndSignalFamily)),
        new("ReceiveMessage", LinuxOnly(FlaggedEntryPointSources.ReceiveMessage)),
        new("LargeFileAliasesAndHandles", LinuxOnly(LinuxCreatorSources.LargeFileAliasesAndHandles)),
        new("ReceiveMessages", LinuxOnly(LinuxCreatorSources.ReceiveMessages)),
        new("TemporaryFilesAndTerminals", LinuxOnly(LinuxCreatorSources.TemporaryFilesAndTerminals)),
        new("KernelInterfaces", LinuxOnly(LinuxCreatorSources.KernelInterfaces)),
        new("Streams", LinuxOnly(LinuxCreatorSources.Streams)),
        new("AlwaysCloexec", LinuxOnly(LinuxCreatorSources.AlwaysCloexec)),
        new("TypedefStructs", LinuxOnly(BindingStyleSources.TypedefStructs)),
        new("LegacyPipeAndDup", LinuxOnly(LegacyEntryPointSources.PipeAndDup)),
        new("LegacyAcceptCreatAndMkstemp", LinuxOnly(LegacyEntryPointSources.AcceptCreatAndMkstemp)),
        new("LegacyEpollAndInotify", LinuxOnly(LegacyEntryPointSources.EpollAndInotify)),
        new("FlagsTypes", LinuxOnly(ParameterKindSources.FlagsTypes)),
        new("Booleans", LinuxOnly(ParameterKindSources.Booleans)),
        new("Strings", LinuxOnly(ParameterKindSources.Strings)),
        new("CustomStringMarshallers", LinuxOnly(ParameterKindSources.CustomStringMarshallers)),
        new("SafeHandles", LinuxOnly(ParameterKindSources.SafeHandles)),
        new("Buffers", LinuxOnly(ParameterKindSources.Buffers)),
        new("ByReference", LinuxOnly(ParameterKindSources.ByReference)),
        new("PointersAndNativeIntegers", LinuxOnly(ParameterKindSources.PointersAndNativeIntegers)),
        new("AnsiAndPlatformStrings", LinuxOnly(DllImportMarshallingSources.AnsiAndPlatformStrings)),
        new("StringBuilders", LinuxOnly(DllImportMarshallingSources.StringBuilders)),
        new("DllImportStyleBooleans", LinuxOnly(DllImportMarshallingSources.DllImportStyleBooleans)),
        new("InOutArrays", LinuxOnly(DllImportMarshallingSources.InOutArrays)),
        new("WrapsLibraryImport", LinuxOnly(DeclarationShapeSources.WrapsLibraryImport)),
        new("WrapsDllImport", LinuxOnly(DeclarationShapeSources.WrapsDllImport)),
        new("UnknownEntryPointWithFlagsParameter", LinuxOnly(DeclarationShapeSources.UnknownEntryPointWithFlagsParameter)),
        new("FlagNone", LinuxOnly(DeclarationShapeSources.FlagNone)),
        new("CloexecParameterShapes", LinuxOnly(DeclarationShapeSources.CloexecParameterShapes)),
        new("NestedTypes", LinuxOnly(DeclarationShapeSources.NestedTypes)),
        new("GlobalNamespace", LinuxOnly(DeclarationShapeSources.GlobalNamespace)),
        new("KeywordNames", LinuxOnly(DeclarationShapeSources.KeywordNames)),
        new("DocumentationComment", LinuxOnly(DeclarationShapeSources.DocumentationComment)),
        new("WindowsHandleFamily", WindowsEntryPointSources.HandleFamily),
        new("WindowsSocketAndCrtFamily", WindowsEntryPointSources.SocketAndCrtFamily),
        new("SameNameTwoPlatforms", WindowsEntryPointSources.SameNameTwoPlatforms),
        new("WindowsBoolResultsAndMsvcrt", WindowsCompletedSources.BoolResultsAndMsvcrt),
        new("WindowsKernelObjects", WindowsCompletedSources.KernelObjects),
        new("WindowsOpenFunctions", WindowsCompletedSources.OpenFunctions),
        new("WindowsAnsiTwins", WindowsCompletedSources.AnsiTwins),
        new("WindowsSecureCrtOpen", WindowsCompletedSources.SecureCrtOpen),
        new("WindowsAnsiAndBoolResults", DllImportMarshallingSources.WindowsAnsiAndBoolResults),
        new("WindowsArgumentShapesWraps", WindowsArgumentShapeSources.WrapsGolden()),
        new("WindowsStructsByValue", WindowsArgumentShapeSources.DirectByValueGolden()),
    ];

    public static TheoryData<string> Names
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (GoldenCase goldenCase in All)
            {
                names.Add(goldenCase.Name);
            }

            return names;
        }
    }

    public static GoldenCase Named(string name) => All.Single(c => c.Name == name);

    /// <summary>
    /// The source with <c>[assembly: SupportedOSPlatform("linux")]</c> after its usings: these cases declare Linux's libc
    /// as it is there, <c>open</c>'s variadic mode included, which CLOEXEC0100 flags in code that may run on Apple arm64.
    /// </summary>
    private static string LinuxOnly(string source)
    {
        string[] lines = source.Split('\n');
        int first = System.Array.FindIndex(lines, line => line.Length > 0 && !line.StartsWith("using ", System.StringComparison.Ordinal));
        return string.Join("\n", lines.Take(first).Append("[assembly: System.Runtime.Versioning.SupportedOSPlatform(\"linux\")]").Concat(lines.Skip(first)));
    }
}
