using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Parsing;

/// <summary>
/// Whether a method may run on Apple arm64, where variadic arguments go on the stack while a P/Invoke puts every
/// argument in registers (the planner warns of a declared variadic argument, CLOEXEC0100).
/// </summary>
/// <remarks>
/// The rule: the nearest [SupportedOSPlatform] list (on the method, else its types outward, else the assembly; a
/// <c>net*-windows</c> TFM writes one for the assembly) that exists names no Apple platform, or an
/// [UnsupportedOSPlatform] on any of those names one: then it may not. Otherwise it may.
/// </remarks>
internal static class ApplePlatforms
{
    private static readonly string[] s_applePlatforms = ["macos", "osx", "maccatalyst", "ios", "tvos"];

    private const string SupportedAttribute = "System.Runtime.Versioning.SupportedOSPlatformAttribute";
    private const string UnsupportedAttribute = "System.Runtime.Versioning.UnsupportedOSPlatformAttribute";

    public static bool MayRunOn(IMethodSymbol method)
    {
        var levels = new List<ISymbol> { method };
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            levels.Add(type);
        }

        levels.Add(method.ContainingAssembly);
        if (levels.Any(level => PlatformsNamed(level, UnsupportedAttribute).Any(IsApple)))
        {
            return false;
        }

        foreach (ISymbol level in levels)
        {
            string[] supported = PlatformsNamed(level, SupportedAttribute).ToArray();
            if (supported.Length > 0)
            {
                return supported.Any(IsApple);
            }
        }

        return true;
    }

    private static IEnumerable<string> PlatformsNamed(ISymbol symbol, string attributeName) =>
        symbol.GetAttributes()
            .Where(a => TypeNames.HasQualifiedName(a.AttributeClass, attributeName) && a.ConstructorArguments.Length == 1)
            .Select(a => a.ConstructorArguments[0].Value as string ?? string.Empty);

    // "macos14.0", "OSX" and "ios" all count: the name without its version, in any case.
    private static bool IsApple(string platform)
    {
        string name = new(platform.ToLowerInvariant().TakeWhile(char.IsLetter).ToArray());
        return s_applePlatforms.Contains(name);
    }
}
