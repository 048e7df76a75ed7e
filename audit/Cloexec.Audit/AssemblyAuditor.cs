using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Cloexec.Audit.Il;
using Cloexec.Audit.Judging;
using Cloexec.Audit.Metadata;

namespace Cloexec.Audit;

/// <summary>Audits one assembly: its descriptor-creating imports and every call to them in its IL.</summary>
public static class AssemblyAuditor
{
    /// <summary>The runtime itself: its imports are the ones that make descriptors close-on-exec.</summary>
    private const string RuntimeAssemblyName = "Cloexec";

    public static AssemblyAudit Audit(string path)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            return Audit(path, stream);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException or InvalidOperationException)
        {
            return new AssemblyAudit(path, null, null, [], [], e.Message);
        }
    }

    public static AssemblyAudit Audit(string path, Stream stream)
    {
        using var pe = new PEReader(stream, PEStreamOptions.LeaveOpen);
        if (!pe.HasMetadata)
        {
            return new AssemblyAudit(path, null, null, [], []);
        }

        MetadataReader reader = pe.GetMetadataReader();
        string? name = reader.IsAssembly ? reader.GetString(reader.GetAssemblyDefinition().Name) : null;
        string? version = reader.IsAssembly ? reader.GetAssemblyDefinition().Version.ToString() : null;
        Dictionary<MethodDefinitionHandle, CreatorImport> imports = name == RuntimeAssemblyName ? [] : CreatorImports.Find(reader);
        if (imports.Count == 0)
        {
            return new AssemblyAudit(path, name, version, [], []);
        }

        var findings = new MethodJudge(reader, imports, new CallSites(pe, reader)).Findings();
        string[] creators = [.. imports.Values.Select(i => i.Name + " -> " + i.Creator.Name).Order(StringComparer.Ordinal)];
        return new AssemblyAudit(path, name, version, creators, findings);
    }
}
