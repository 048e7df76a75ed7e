using System.Collections.Generic;
using System.Linq;
using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Parsing;

/// <summary>
/// Warns where a declaration passes the variadic argument of a variadic C function (CLOEXEC0100). On Apple arm64
/// variadic arguments go on the stack while a P/Invoke puts every argument in registers, so <c>open(path, flags,
/// mode)</c> hands the function garbage for <c>mode</c>.
/// </summary>
/// <remarks>
/// The rule for "may run on Apple arm64": the nearest [SupportedOSPlatform] list (on the method, else its types
/// outward, else the assembly; a <c>net*-windows</c> TFM writes one for the assembly) that exists names no Apple
/// platform, or an [UnsupportedOSPlatform] on any of those names one: then no warning. Otherwise there is one.
/// </remarks>
internal static class VariadicDeclarations
{
    /// <summary>The variadic functions the generator knows, with the number of fixed arguments before the "...".</summary>
    private static readonly Dictionary<string, int> s_fixedArguments = new()
    {
        ["open"] = 2,    // open(const char* path, int flags, ...)
        ["openat"] = 3,  // openat(int dirfd, const char* path, int flags, ...)
        ["fcntl"] = 2,   // fcntl(int fd, int cmd, ...)
        ["ioctl"] = 2,   // ioctl(int fd, unsigned long request, ...)
    };

    private static readonly string[] s_applePlatforms = ["macos", "osx", "maccatalyst", "ios", "tvos"];

    private const string SupportedAttribute = "System.Runtime.Versioning.SupportedOSPlatformAttribute";
    private const string UnsupportedAttribute = "System.Runtime.Versioning.UnsupportedOSPlatformAttribute";

    /// <summary>
    /// The number of fixed arguments of <paramref name="entryPoint"/> before its "...", -1 when it is not variadic;
    /// glibc's large-file names (<c>open64</c>) are their function's.
    /// </summary>
    public static int FixedArgumentCount(string entryPoint)
    {
        string name = entryPoint.EndsWith("64", System.StringComparison.Ordinal) ? entryPoint.Substring(0, entryPoint.Length - 2) : entryPoint;
        return s_fixedArguments.TryGetValue(name, out int count) ? count : -1;
    }

    public static void Check(IMethodSymbol method, NativePlatform platform, string entryPoint, int nativeParameterCount, Location location, List<DiagnosticInfo> diagnostics)
    {
        if (platform != NativePlatform.Unix
            || !s_fixedArguments.TryGetValue(entryPoint, out int fixedCount)
            || nativeParameterCount <= fixedCount
            || !MayRunOnApple(method))
        {
            return;
        }

        IParameterSymbol variadic = method.Parameters.Where(p => p.Name != WrapperParser.CloexecParameterName).ElementAt(fixedCount);
        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.VariadicArgumentOnAppleArm64, variadic.Locations.FirstOrDefault() ?? location, entryPoint, variadic.Name, method.Name));
    }

    private static bool MayRunOnApple(IMethodSymbol method)
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
