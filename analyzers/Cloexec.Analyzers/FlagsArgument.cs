using System.Linq;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Cloexec.Analyzers;

/// <summary>The parameter of a [CreatesDescriptor] method that takes the close-on-exec flag, and the flag's family.</summary>
internal sealed record FlagsArgument(IParameterSymbol Parameter, string Family)
{
    private const string CloexecParameterName = "cloexec";

    /// <summary>Found the way the generator finds it: FlagsParameter and Flag when given, else the entry point's table row.</summary>
    public static FlagsArgument? Of(IMethodSymbol method)
    {
        AttributeData? attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == CreatesDescriptorAttributeName.MetadataName);
        if (attribute is null)
        {
            return null;
        }

        var settings = AttributeSettings.Read(attribute);
        IParameterSymbol[] native = method.Parameters.Where(p => p.Name != CloexecParameterName).ToArray();
        RawImport? wrapped = WrappedImport(method, settings.Wraps);
        NativePlatform platform = NativeLibraries.PlatformOf(settings.LibraryName ?? wrapped?.LibraryName);
        EntryPointInfo? known = EntryPointTable.Find(settings.EntryPoint ?? wrapped?.EntryPoint ?? method.Name, platform);
        if (settings.FlagsParameter is not null)
        {
            IParameterSymbol? named = native.FirstOrDefault(p => p.Name == settings.FlagsParameter);
            string? family = settings.Flag is not null and not "None" ? settings.Flag : known?.Flag.ToString();
            return named is null || family is null ? null : new FlagsArgument(named, family);
        }

        return known is { FlagArgument: >= 0 } && known.FlagArgument < native.Length && settings.Flag is null or not "None"
            ? new FlagsArgument(native[known.FlagArgument], known.Flag.ToString())
            : null;
    }

    private static RawImport? WrappedImport(IMethodSymbol method, string? wraps) =>
        wraps is null ? null : method.ContainingType.GetMembers(wraps).OfType<IMethodSymbol>().Select(RawImport.Of).FirstOrDefault(i => i is not null);
}
