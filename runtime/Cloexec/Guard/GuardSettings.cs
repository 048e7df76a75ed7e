using System;

namespace Cloexec;

/// <summary>
/// The guard's switch, read once: <c>CLOEXEC_GUARD</c> (<c>1</c>/<c>true</c>, <c>strict</c>, <c>0</c>/<c>false</c>) wins over
/// the AppContext switches <c>Cloexec.InheritanceGuard</c> and <c>Cloexec.InheritanceGuardStrict</c>.
/// </summary>
/// <remarks><see cref="IsOn"/> is a static readonly field: once this class is initialised the JIT folds the check away.</remarks>
internal static class GuardSettings
{
    internal const string EnvironmentVariable = "CLOEXEC_GUARD";
    internal const string AppContextSwitch = "Cloexec.InheritanceGuard";
    internal const string StrictAppContextSwitch = "Cloexec.InheritanceGuardStrict";
    private const string StrictValue = "STRICT";

    internal static readonly InheritanceGuardMode Mode = Read(Environment.GetEnvironmentVariable(EnvironmentVariable));

    internal static readonly bool IsOn = Mode != InheritanceGuardMode.Off;

    internal static InheritanceGuardMode Read(string? environment)
    {
        if (string.Equals(environment?.Trim(), StrictValue, StringComparison.OrdinalIgnoreCase))
        {
            return InheritanceGuardMode.Strict;
        }

        if (CloexecSwitches.Parse(environment) is { } fromEnvironment)
        {
            return fromEnvironment ? InheritanceGuardMode.Report : InheritanceGuardMode.Off;
        }

        if (AppContext.TryGetSwitch(StrictAppContextSwitch, out bool strict) && strict)
        {
            return InheritanceGuardMode.Strict;
        }

        return AppContext.TryGetSwitch(AppContextSwitch, out bool on) && on ? InheritanceGuardMode.Report : InheritanceGuardMode.Off;
    }
}
