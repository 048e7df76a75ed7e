using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Cloexec.Audit.Reporting;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Cloexec.Audit.Tasks;

/// <summary>
/// Audits the assemblies a project will run with (its packages' runtime assets and its project references' outputs)
/// and writes the full report (text and SARIF) and one summary line per dependency that leaks or leaves choices.
/// </summary>
/// <remarks>
/// The summary is a file so that an incremental build, which skips this task, still shows the warnings:
/// <see cref="ReportAudit"/> logs them on every build.
/// </remarks>
public sealed class AuditDependencies : MSBuildTask
{
    /// <summary>The assemblies, with NuGetPackageId/NuGetPackageVersion, or MSBuildSourceProjectFile for a project.</summary>
    [Required]
    public ITaskItem[] Assemblies { get; set; } = [];

    [Required]
    public string TextReport { get; set; } = string.Empty;

    [Required]
    public string SarifReport { get; set; } = string.Empty;

    /// <summary>Lines <c>CLOEXEC03xx&lt;TAB&gt;summary</c>, one per dependency to warn about.</summary>
    [Required]
    public string Summary { get; set; } = string.Empty;

    public override bool Execute()
    {
        var audited = new List<(string, string?, AssemblyAudit)>();
        foreach (ITaskItem item in Assemblies.DistinctBy(i => i.GetMetadata("FullPath"), StringComparer.Ordinal))
        {
            AssemblyAudit audit = AssemblyAuditor.Audit(item.GetMetadata("FullPath"));
            (string name, string? version) = DependencyOf(item, audit);
            audited.Add((name, version, audit));
        }

        IReadOnlyList<DependencyAudit> dependencies = DependencyAudit.Group(audited);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(TextReport))!);
        using (var writer = new StreamWriter(TextReport))
        {
            Cloexec.Audit.Reporting.TextReport.Write(writer, dependencies);
        }

        using (FileStream sarif = File.Create(SarifReport))
        {
            Cloexec.Audit.Reporting.SarifReport.Write(sarif, dependencies);
        }

        IEnumerable<string> lines = dependencies
            .Where(d => AuditRules.RuleOf(d) is not null)
            .Select(d => AuditRules.RuleOf(d) + "\t" + AuditRules.Summary(d, TextReport))
            .Concat(dependencies.SelectMany(d => d.Assemblies).Where(a => a.Error is not null)
                .Select(a => AuditRules.Unreadable + "\t" + a.Path + ": " + a.Error));
        File.WriteAllLines(Summary, lines);
        return true;
    }

    private static (string, string?) DependencyOf(ITaskItem item, AssemblyAudit audit)
    {
        string package = item.GetMetadata("NuGetPackageId");
        if (package.Length > 0)
        {
            return (package, item.GetMetadata("NuGetPackageVersion"));
        }

        string project = item.GetMetadata("MSBuildSourceProjectFile");
        return project.Length > 0
            ? (Path.GetFileNameWithoutExtension(project), null)
            : (audit.Name ?? Path.GetFileNameWithoutExtension(item.ItemSpec), audit.Version);
    }
}
