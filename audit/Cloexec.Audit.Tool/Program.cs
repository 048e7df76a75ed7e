using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Cloexec.Audit;
using Cloexec.Audit.Inputs;
using Cloexec.Audit.Reporting;

namespace Cloexec.Audit.Tool;

/// <summary>cloexec-audit [--format text|json|sarif] [--output file] path...: exit 0 clean, 1 something leaks, 2 usage.</summary>
internal static class Program
{
    private const int Clean = 0;
    private const int SomethingLeaks = 1;
    private const int Usage = 2;

    private static int Main(string[] args)
    {
        string format = "text";
        string? output = null;
        var paths = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--format" or "-f" when i + 1 < args.Length:
                    format = args[++i];
                    break;
                case "--output" or "-o" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--help" or "-h":
                    return PrintUsage(Console.Out, Clean);
                default:
                    paths.Add(args[i]);
                    break;
            }
        }

        if (paths.Count == 0 || format is not ("text" or "json" or "sarif"))
        {
            return PrintUsage(Console.Error, Usage);
        }

        string? missing = paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
        if (missing is not null)
        {
            Console.Error.WriteLine($"cloexec-audit: {missing}: no such file or folder");
            return Usage;
        }

        IReadOnlyList<DependencyAudit> dependencies = AuditInputs.Audit(paths);
        using (Stream stream = output is null ? Console.OpenStandardOutput() : File.Create(output))
        {
            Write(stream, format, dependencies);
        }

        return dependencies.Any(d => d.Leaks) ? SomethingLeaks : Clean;
    }

    private static void Write(Stream stream, string format, IReadOnlyList<DependencyAudit> dependencies)
    {
        switch (format)
        {
            case "json":
                JsonReport.Write(stream, dependencies);
                break;
            case "sarif":
                SarifReport.Write(stream, dependencies);
                break;
            default:
                using (var writer = new StreamWriter(stream, leaveOpen: true))
                {
                    TextReport.Write(writer, dependencies);
                }

                break;
        }
    }

    private static int PrintUsage(TextWriter writer, int exitCode)
    {
        writer.WriteLine("usage: cloexec-audit [--format text|json|sarif] [--output file] <published folder | .nupkg | assembly>...");
        writer.WriteLine("exit code: 0 nothing leaks, 1 a dependency creates inheritable descriptors, 2 usage error");
        return exitCode;
    }
}
