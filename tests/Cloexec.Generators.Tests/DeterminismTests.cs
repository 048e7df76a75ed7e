using System.Linq;
using System.Text;
using Cloexec.Generators.Tests.Cases;
using Cloexec.Generators.Tests.Infrastructure;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>The same input gives the same bytes, so builds are reproducible and caches downstream hold.</summary>
public sealed class DeterminismTests
{
    [Theory]
    [MemberData(nameof(GoldenCases.Names), MemberType = typeof(GoldenCases))]
    public void Two_runs_over_the_same_source_give_identical_bytes(string name)
    {
        string source = GoldenCases.Named(name).Source;

        GeneratorRun first = GeneratorRun.Of(source);
        GeneratorRun second = GeneratorRun.Of(source);

        Assert.NotEmpty(first.Sources);
        Assert.Equal(first.Sources.Select(s => s.HintName), second.Sources.Select(s => s.HintName));
        Assert.All(first.Sources.Zip(second.Sources), pair =>
        {
            Assert.Equal(Bytes(pair.First.SourceText), Bytes(pair.Second.SourceText));
            Assert.Equal(pair.First.SourceText.Encoding?.WebName, pair.Second.SourceText.Encoding?.WebName);
        });
    }

    private static byte[] Bytes(Microsoft.CodeAnalysis.Text.SourceText text) =>
        (text.Encoding ?? Encoding.UTF8).GetBytes(text.ToString());
}
