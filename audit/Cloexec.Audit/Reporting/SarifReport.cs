using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Cloexec.Audit.Judging;

namespace Cloexec.Audit.Reporting;

/// <summary>
/// The report for code-scanning tools: SARIF 2.1.0, one result per dependency (its rule and summary) and one per
/// leaking or undecided finding, located at the assembly and the method.
/// </summary>
public static class SarifReport
{
    public static void Write(Stream stream, IReadOnlyList<DependencyAudit> dependencies)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json);
        json.WriteStartArray("results");
        foreach (DependencyAudit dependency in dependencies)
        {
            if (AuditRules.RuleOf(dependency) is not { } rule)
            {
                continue;
            }

            foreach (AssemblyAudit assembly in dependency.Assemblies)
            {
                foreach (Finding finding in assembly.Findings.Where(f => f.Verdict is not (Verdict.Safe or Verdict.InheritableOnPurpose)).Distinct())
                {
                    WriteResult(json, finding.Verdict == Verdict.Leaks ? AuditRules.Leaks : AuditRules.LeavesChoice,
                        finding.Verdict == Verdict.Leaks ? "warning" : "note", dependency.Label + ": " + TextReport.Line(finding), assembly.Path, finding.Site ?? finding.Import);
                }
            }

            WriteResult(json, rule, "warning", AuditRules.Summary(dependency, null), dependency.Assemblies[0].Path, null);
        }

        foreach (AssemblyAudit unreadable in dependencies.SelectMany(d => d.Assemblies).Where(a => a.Error is not null))
        {
            WriteResult(json, AuditRules.Unreadable, "warning", unreadable.Error!, unreadable.Path, null);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter json)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "Cloexec.Audit");
        json.WriteStartArray("rules");
        foreach ((string id, string text) in new[]
        {
            (AuditRules.Leaks, "A dependency creates inheritable descriptors"),
            (AuditRules.LeavesChoice, "A dependency leaves the close-on-exec choice to its callers"),
            (AuditRules.Unreadable, "A file could not be audited"),
        })
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", text);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, string rule, string level, string message, string path, string? method)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", rule);
        json.WriteString("level", level);
        json.WriteStartObject("message");
        json.WriteString("text", message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", new Uri(Path.GetFullPath(path)).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();
        if (method is not null)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", method);
            json.WriteString("kind", "function");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
