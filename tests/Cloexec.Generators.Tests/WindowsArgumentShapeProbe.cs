using System.Linq;
using Cloexec.Generators.Tests.Cases;
using Cloexec.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cloexec.Generators.Tests;

public sealed class WindowsArgumentShapeProbe
{
    [Fact]
    public void Probe()
    {
        var lines = new System.Collections.Generic.List<string>();
        foreach (var shape in WindowsArgumentShapeSources.All())
        {
            foreach (var (form, source) in new[] { ("direct", WindowsArgumentShapeSources.Direct(shape)), ("wraps", WindowsArgumentShapeSources.Wraps(shape)) })
            {
                GeneratorRun run = GeneratorRun.Of(source);
                var ids = run.GeneratorDiagnostics.Select(d => d.Id + ":" + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Concat(
                    run.Output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Id + ":" + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) + "@" + d.Location.SourceTree?.FilePath)).Distinct();
                lines.Add($"{shape.Name} {form}: {string.Join(" | ", ids)}");
                if (form == "wraps") System.IO.File.WriteAllText($"/tmp/shapes/{shape.Name}.g.cs", run.CombinedSource());
            }
        }

        System.IO.File.WriteAllLines("/tmp/shapes/probe.txt", lines);
    }
}
