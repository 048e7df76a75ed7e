using System.IO;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Cloexec.Audit.Tasks;

/// <summary>Logs the audit's summary lines: warnings, or errors when the project asks the build to fail on a leak.</summary>
public sealed class ReportAudit : MSBuildTask
{
    [Required]
    public string Summary { get; set; } = string.Empty;

    /// <summary>CloexecAuditFailOnLeak: a dependency that leaks (CLOEXEC0301) fails the build.</summary>
    public bool FailOnLeak { get; set; }

    public override bool Execute()
    {
        if (!File.Exists(Summary))
        {
            return true;
        }

        foreach (string line in File.ReadAllLines(Summary))
        {
            int tab = line.IndexOf('\t', System.StringComparison.Ordinal);
            if (tab < 0)
            {
                continue;
            }

            string code = line[..tab];
            string message = line[(tab + 1)..];
            if (FailOnLeak && code == Cloexec.Audit.Reporting.AuditRules.Leaks)
            {
                Log.LogError(null, code, null, null, 0, 0, 0, 0, message);
            }
            else
            {
                Log.LogWarning(null, code, null, null, 0, 0, 0, 0, message);
            }
        }

        return !Log.HasLoggedErrors;
    }
}
