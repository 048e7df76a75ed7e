using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cloexec.Audit.Reporting;

/// <summary>The report for programs: the dependencies with their counts and findings, as JSON.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write(Stream stream, IReadOnlyList<DependencyAudit> dependencies) =>
        JsonSerializer.Serialize(stream, dependencies, s_options);
}
