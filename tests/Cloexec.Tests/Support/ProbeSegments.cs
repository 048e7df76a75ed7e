using System.Globalization;

namespace Cloexec.Tests;

/// <summary>The names of the probe's marked segments, shared by the probe that writes them and the tests that read them.</summary>
internal static class ProbeSegments
{
    /// <summary>Opening <see cref="Anchor.Descriptor"/>: the process's first O_CLOEXEC call.</summary>
    public const string Anchor = "anchor";

    /// <summary>
    /// Each family is called this many times, each call marked: the first call of a wrapper may load what any first
    /// call loads, every later one must show the wrapper's own syscalls and nothing learnt once per process.
    /// </summary>
    public const int Rounds = 2;

    public static string Call(string family, int round) => string.Create(CultureInfo.InvariantCulture, $"{family} #{round}");
}
