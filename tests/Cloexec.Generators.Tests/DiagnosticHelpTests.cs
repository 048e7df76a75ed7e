using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Cloexec.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>
/// Every diagnostic, the generator's and the analyzer's, leads somewhere: an absolute link, built from the one
/// RepositoryUrl of Directory.Build.props, to its own section of docs/diagnostics.md, and a description that says
/// the fix without that page.
/// </summary>
public sealed class DiagnosticHelpTests
{
    [Fact]
    public void Every_diagnostic_links_to_its_section_of_the_diagnostics_page_at_the_repository_URL()
    {
        string repositoryUrl = XDocument.Load(Path.Combine(RepositoryRoot(), "Directory.Build.props"))
            .Descendants("RepositoryUrl").Single().Value;
        string page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
        var wrong = new List<string>();
        foreach (DiagnosticDescriptor descriptor in AllDescriptors())
        {
            string expected = $"{repositoryUrl}/blob/main/docs/diagnostics.md#{descriptor.Id.ToLowerInvariant()}";
            if (descriptor.HelpLinkUri != expected)
            {
                wrong.Add($"{descriptor.Id}: '{descriptor.HelpLinkUri}', expected '{expected}'");
            }

            if (!page.Contains($"\n## {descriptor.Id}\n", StringComparison.Ordinal))
            {
                wrong.Add($"{descriptor.Id}: no '## {descriptor.Id}' section in docs/diagnostics.md");
            }
        }

        Assert.True(repositoryUrl.StartsWith("https://", StringComparison.Ordinal), repositoryUrl);
        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_diagnostic_has_a_description_that_says_the_fix()
    {
        DiagnosticDescriptor[] descriptors = AllDescriptors().ToArray();
        Assert.Contains(descriptors, d => d.Id == "CLOEXEC0001");
        Assert.Contains(descriptors, d => d.Id == "CLOEXEC0200");

        string[] without = descriptors
            .Where(d => d.Description.ToString(System.Globalization.CultureInfo.InvariantCulture).Length < 40)
            .Select(d => d.Id)
            .ToArray();
        Assert.Empty(without);
    }

    [Fact]
    public void CLOEXEC0100_says_how_to_silence_it_on_code_that_never_runs_on_Apple_platforms()
    {
        string message = DiagnosticDescriptors.VariadicArgumentOnAppleArm64.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("[assembly: SupportedOSPlatform(\"linux\")]", message, StringComparison.Ordinal);
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors()
    {
        IEnumerable<DiagnosticDescriptor> generator = typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null))
            .OfType<DiagnosticDescriptor>();
        IEnumerable<DiagnosticDescriptor> analyzer = Assembly.Load("Cloexec.Analyzers").GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);
        return generator.Concat(analyzer).DistinctBy(d => d.Id);
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
