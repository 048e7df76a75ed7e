using System.Collections.Generic;
using System.Linq;

namespace Cloexec.Generators.Planning;

/// <summary>
/// Gives the wrapper's locals names no parameter has: the usual name, or that name with underscores added until it,
/// and every name made from it by a suffix, is free. A method's parameters can be named anything, as headers name them.
/// </summary>
internal sealed class LocalNameChooser(IEnumerable<string> parameterNames)
{
    private readonly HashSet<string> _taken = new(parameterNames);

    /// <summary>A free name for <paramref name="wanted"/>; the names it makes with <paramref name="suffixes"/> are free too.</summary>
    public string Choose(string wanted, params string[] suffixes)
    {
        string name = wanted;
        while (_taken.Contains(name) || suffixes.Any(suffix => _taken.Contains(name + suffix)))
        {
            name += "_";
        }

        _taken.Add(name);
        foreach (string suffix in suffixes)
        {
            _taken.Add(name + suffix);
        }

        return name;
    }
}
