using System.Collections.Generic;
using System.IO;
using System.Linq;
using Cloexec.Audit.Judging;

namespace Cloexec.Audit.Reporting;

/// <summary>The report for people: one block per dependency, one line per finding, leaks first.</summary>
public static class TextReport
{
    public static void Write(TextWriter writer, IReadOnlyList<DependencyAudit> dependencies)
    {
        foreach (DependencyAudit dependency in dependencies.Where(d => d.Creators.Count > 0 || d.Assemblies.Any(a => a.Error is not null)))
        {
            writer.WriteLine($"{AuditRules.RuleOf(dependency) ?? "clean"}: {AuditRules.Summary(dependency, null)}");
            foreach (AssemblyAudit assembly in dependency.Assemblies)
            {
                writer.WriteLine(assembly.Error is null ? $"  read {assembly.Path}" : $"  not read {assembly.Path}: {assembly.Error}");
            }

            foreach (Finding finding in dependency.Findings)
            {
                writer.WriteLine("    " + Line(finding));
            }
        }

        int clean = dependencies.Count(d => d.Creators.Count == 0 && d.Assemblies.All(a => a.Error is null));
        writer.WriteLine($"{clean} dependencies import no descriptor creator.");
    }

    public static string Line(Finding finding)
    {
        string where = finding.Site is null ? finding.Import : $"{finding.Site} IL_{finding.Offset:x4}";
        string via = finding.Via is null ? string.Empty : $" through {finding.Via}";
        string decided = finding.DecidedBy is null ? string.Empty : $" (decided by callers of {finding.DecidedBy})";
        return $"{finding.Verdict}: {finding.Creator} ({finding.Library}) at {where}{via}: {finding.Reason}{decided}";
    }
}
