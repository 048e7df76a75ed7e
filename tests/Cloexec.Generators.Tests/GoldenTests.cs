using System.IO;
using System.Linq;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;
using Cloexec.Generators.Tests.Cases;
using Cloexec.Generators.Tests.Infrastructure;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>The generated code of every golden case, compared with the reviewed text in Golden/.</summary>
public sealed class GoldenTests
{
    [Theory]
    [MemberData(nameof(GoldenCases.Names), MemberType = typeof(GoldenCases))]
    public void Generated_source_matches_the_verified_file(string name)
    {
        GeneratorRun run = GeneratorRun.Of(GoldenCases.Named(name).Source);

        Assert.NotEmpty(run.Sources);
        GoldenFile.Verify(name, run.CombinedSource());
    }

    [Fact]
    public void Every_golden_file_has_a_case()
    {
        // A file no case compares with would pass forever while checking nothing.
        string[] files = Directory.GetFiles(GoldenFile.Folder(), "*" + GoldenFile.VerifiedSuffix).Select(Path.GetFileName).OfType<string>().ToArray();

        Assert.NotEmpty(files);
        Assert.Empty(files.Except(GoldenCases.All.Select(c => c.Name + GoldenFile.VerifiedSuffix)));
    }

    [Fact]
    public void Every_known_entry_point_has_a_golden_case()
    {
        // Read from the models, not the text: a legacy call's sibling import must not count for the sibling.
        string[] declared = GoldenCases.All
            .SelectMany(c => GeneratorRun.Of(c.Source, trackSteps: true).Result.TrackedSteps[TrackingNames.Parse])
            .SelectMany(step => step.Outputs)
            .Select(output => ((ParseResult)output.Value).Model?.Target.EntryPoint)
            .OfType<string>()
            .ToArray();

        Assert.Empty(EntryPointTable.All.Select(entry => entry.Name).Except(declared));
    }
}
