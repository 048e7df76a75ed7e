using System;

namespace Cloexec;

/// <summary>The process-wide settings, each read once.</summary>
internal static class CloexecSwitches
{
    internal const string DefaultEnvironmentVariable = "CLOEXEC_DEFAULT";
    internal const string DefaultAppContextSwitch = "Cloexec.DefaultCloexec";
    internal const string ForceFallbackEnvironmentVariable = "CLOEXEC_FORCE_FALLBACK";
    internal const string ForceFallbackAppContextSwitch = "Cloexec.ForceFallback";

    /// <summary>The environment wins over the AppContext switch: it is the operator's word on this run.</summary>
    internal static bool InitialDefault { get; } = Read(DefaultEnvironmentVariable, DefaultAppContextSwitch) ?? true;

    /// <summary>Makes every wrapper create without the atomic flag and set it afterwards (for tests).</summary>
    internal static bool ForceFallback { get; } = Read(ForceFallbackEnvironmentVariable, ForceFallbackAppContextSwitch) ?? false;

    private static bool? Read(string environmentVariable, string appContextSwitch)
    {
        bool? fromEnvironment = Parse(Environment.GetEnvironmentVariable(environmentVariable));
        if (fromEnvironment.HasValue)
        {
            return fromEnvironment;
        }

        return AppContext.TryGetSwitch(appContextSwitch, out bool enabled) ? enabled : null;
    }

    /// <summary><c>0</c>/<c>1</c>/<c>false</c>/<c>true</c> in any case; anything else counts as unset.</summary>
    internal static bool? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "1" or "TRUE" => true,
        "0" or "FALSE" => false,
        _ => null,
    };
}
