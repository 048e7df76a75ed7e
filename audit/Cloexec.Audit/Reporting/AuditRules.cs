using System.Globalization;

namespace Cloexec.Audit.Reporting;

/// <summary>The audit's diagnostic ids (docs/diagnostics.md) and the one-line summary each dependency gets.</summary>
public static class AuditRules
{
    /// <summary>A dependency creates inheritable descriptors, or exposes a creator that always does.</summary>
    public const string Leaks = "CLOEXEC0301";

    /// <summary>A dependency imports creators whose close-on-exec choice its callers make (or the audit cannot see).</summary>
    public const string LeavesChoice = "CLOEXEC0302";

    /// <summary>A file the audit was given could not be read.</summary>
    public const string Unreadable = "CLOEXEC0303";

    public static string? RuleOf(DependencyAudit dependency) =>
        dependency.Leaks ? Leaks : dependency.LeavesChoices ? LeavesChoice : null;

    /// <summary>The warning's text: package, version, the counts, and where the full report is.</summary>
    public static string Summary(DependencyAudit dependency, string? reportPath) => string.Format(
        CultureInfo.InvariantCulture,
        "{0} imports {1} descriptor creator(s): {2} leaking call site(s), {3} public import(s) that always leak, {4} left to callers, {5} undetermined{6}{7}",
        dependency.Label,
        dependency.Creators.Count,
        dependency.LeakingCallSites,
        dependency.LeakingPublicImports,
        dependency.CallersChoices,
        dependency.Undetermined,
        dependency.InheritableOnPurpose == 0 ? string.Empty : ", " + dependency.InheritableOnPurpose.ToString(CultureInfo.InvariantCulture) + " inheritable on purpose",
        reportPath is null ? string.Empty : "; see " + reportPath);
}
