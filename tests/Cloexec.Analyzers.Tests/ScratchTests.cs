using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Cloexec.Analyzers.Tests.FeatureSpace;
using Cloexec.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cloexec.Analyzers.Tests;

public sealed class ScratchTests
{
    [Fact]
    public async Task Dump()
    {
        var decls = Creator.All.Take(12).Select((c, i) => new RawDeclaration("S" + i, c)).ToList();
        decls.Add(new RawDeclaration("X1", Creator.OpenString, Interface: InterfaceRole.ExplicitStaticAbstract, Container: Container.Class));
        decls.Add(new RawDeclaration("X2", Creator.OpenString, Interface: InterfaceRole.ImplicitStaticAbstract, Container: Container.Class, Accessibility: "public"));
        decls.Add(new RawDeclaration("X3", Creator.OpenString, UsedAsMethodGroup: true, Accessibility: null));
        string[] sources = [SupportSource.Text, .. decls.Select(d => d.Source())];
        (Project raw, Project converted) = await ConversionPipeline.ConvertAsync(sources);
        var text = string.Join("\n// ----\n", converted.Documents.Skip(1).Select(d => d.GetTextAsync().Result.ToString()));
        var (_, diags) = await ConversionPipeline.BuildAsync(converted);
        File.WriteAllText("/tmp/dump.cs", text + "\n/*\n" + string.Join("\n", diags.Where(d => d.Severity >= DiagnosticSeverity.Warning)) + "\n*/\n" + string.Join("\n", (await ConversionPipeline.RawImportDiagnosticsAsync(converted))));
    }
}
