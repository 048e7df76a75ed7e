using System.Collections.Generic;
using System.Linq;

namespace Cloexec.Tests.Creators;

/// <summary>The four ways a caller decides a new descriptor's flag, each run atomic and with the fallback forced.</summary>
internal static class CallerChoices
{
    /// <summary>No <c>cloexec</c> argument, with the ambient default switched off.</summary>
    public const string DefaultOff = "default with CloexecDefault false";

    private static readonly string[] s_all = ["default", "true", "false", DefaultOff];

    /// <summary>Theory rows: creator, choice, forced fallback.</summary>
    public static IEnumerable<object[]> For(IEnumerable<string> creators) =>
        from name in creators
        from choice in s_all
        from fallback in new[] { false, true }
        select new object[] { name, choice, fallback };

    /// <summary>
    /// The <c>cloexec</c> argument of <paramref name="choice"/>, and the flag it must give; under <see cref="DefaultOff"/>
    /// the flag is whatever the call makes as declared (<paramref name="asDeclared"/>).
    /// </summary>
    public static (bool? Argument, T Expected) Of<T>(string choice, T setting, T clearing, T asDeclared) => choice switch
    {
        "true" => (true, setting),
        "false" => (false, clearing),
        "default" => (null, setting),
        _ => (null, asDeclared),
    };

    /// <summary>Sets the ambient default <paramref name="choice"/> runs under (the test's RuntimeState puts it back).</summary>
    public static void ApplyDefault(string choice) => CloexecDefault.Value = choice != DefaultOff;
}
