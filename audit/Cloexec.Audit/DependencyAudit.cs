using System.Collections.Generic;
using System.Linq;
using Cloexec.Audit.Judging;

namespace Cloexec.Audit;

/// <summary>The audit of one dependency: a package (its id and version) or a project, with the assemblies it runs.</summary>
/// <remarks>
/// A package often carries one build of an assembly per runtime identifier (runtimes/linux-x64/lib/..., linux-arm64...):
/// the counts are over distinct creators and findings of each assembly name, so that a portable app's copies count once.
/// </remarks>
public sealed record DependencyAudit(string Name, string? Version, IReadOnlyList<AssemblyAudit> Assemblies)
{
    /// <summary>The descriptor-creating imports, as <c>Assembly: Type.Method -> entry point</c>, each once.</summary>
    public IReadOnlyList<string> Creators { get; } =
        Assemblies.SelectMany(a => a.Creators.Select(c => a.Name + ": " + c)).Distinct().Order(System.StringComparer.Ordinal).ToList();

    /// <summary>The findings, each once however many builds of the assembly carry it, leaks first.</summary>
    public IReadOnlyList<Finding> Findings { get; } =
        Assemblies.SelectMany(a => a.Findings).Distinct().OrderBy(f => f.Verdict != Verdict.Leaks).ThenBy(f => f.Verdict).ToList();

    public int LeakingCallSites => Findings.Count(f => f.IsCallSite && f.Verdict == Verdict.Leaks);

    public int LeakingPublicImports => Findings.Count(f => !f.IsCallSite && f.Verdict == Verdict.Leaks);

    public int CallersChoices => Findings.Count(f => f.Verdict == Verdict.CallersChoice);

    public int Undetermined => Findings.Count(f => f.Verdict == Verdict.Undetermined);

    /// <summary>Call sites that make a descriptor inheritable by saying so in an argument: counted apart, never a leak.</summary>
    public int InheritableOnPurpose => Findings.Count(f => f.Verdict == Verdict.InheritableOnPurpose);

    /// <summary>Whether anything it runs creates an inheritable descriptor, or exposes a creator that always does.</summary>
    public bool Leaks => LeakingCallSites + LeakingPublicImports > 0;

    /// <summary>Whether it imports creators whose choice it leaves to its callers or computes out of the audit's sight.</summary>
    public bool LeavesChoices => !Leaks && CallersChoices + Undetermined > 0;

    public string Label => Version is null ? Name : Name + " " + Version;

    /// <summary>Groups audited assemblies by the dependency each belongs to.</summary>
    public static IReadOnlyList<DependencyAudit> Group(IEnumerable<(string Name, string? Version, AssemblyAudit Audit)> assemblies) =>
        assemblies
            .GroupBy(a => (a.Name, a.Version))
            .Select(g => new DependencyAudit(g.Key.Name, g.Key.Version, g.Select(a => a.Audit).ToList()))
            .OrderBy(d => d.Name, System.StringComparer.OrdinalIgnoreCase)
            .ToList();
}
