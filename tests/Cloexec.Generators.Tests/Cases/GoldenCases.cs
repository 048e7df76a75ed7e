using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Cloexec.Generators.Tests.Cases;

/// <summary>Every golden case, by name: the golden, compilation and determinism tests all walk this one list.</summary>
public static class GoldenCases
{
    public static IReadOnlyList<GoldenCase> All { get; } =
    [
        new("OpenFamily", FlaggedEntryPointSources.OpenFamily),
        new("PipeAndDup", FlaggedEntryPointSources.PipeAndDup),
        new("SocketFamily", FlaggedEntryPointSources.SocketFamily),
        new("EventFamily", FlaggedEntryPointSources.EventFamily),
        new("MemoryTimerAndSignalFamily", FlaggedEntryPointSources.MemoryTimerAndSignalFamily),
        new("ReceiveMessage", FlaggedEntryPointSources.ReceiveMessage),
        new("LegacyPipeAndDup", LegacyEntryPointSources.PipeAndDup),
        new("LegacyAcceptCreatAndMkstemp", LegacyEntryPointSources.AcceptCreatAndMkstemp),
        new("LegacyEpollAndInotify", LegacyEntryPointSources.EpollAndInotify),
        new("FlagsTypes", ParameterKindSources.FlagsTypes),
        new("Booleans", ParameterKindSources.Booleans),
        new("Strings", ParameterKindSources.Strings),
        new("SafeHandles", ParameterKindSources.SafeHandles),
        new("Buffers", ParameterKindSources.Buffers),
        new("ByReference", ParameterKindSources.ByReference),
        new("PointersAndNativeIntegers", ParameterKindSources.PointersAndNativeIntegers),
        new("WrapsLibraryImport", DeclarationShapeSources.WrapsLibraryImport),
        new("WrapsDllImport", DeclarationShapeSources.WrapsDllImport),
        new("UnknownEntryPointWithFlagsParameter", DeclarationShapeSources.UnknownEntryPointWithFlagsParameter),
        new("FlagNone", DeclarationShapeSources.FlagNone),
        new("CloexecParameterShapes", DeclarationShapeSources.CloexecParameterShapes),
        new("NestedTypes", DeclarationShapeSources.NestedTypes),
        new("GlobalNamespace", DeclarationShapeSources.GlobalNamespace),
        new("KeywordNames", DeclarationShapeSources.KeywordNames),
        new("DocumentationComment", DeclarationShapeSources.DocumentationComment),
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
}
