using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;
using Cloexec.Generators.Parsing;
using Cloexec.Platform;

namespace Cloexec.Generators.Planning;

/// <summary>A legacy call without a flag (pipe, dup, accept...): the wrapper calls its atomic sibling instead.</summary>
internal static class SiblingPlanner
{
    /// <summary>
    /// The sibling's call: each argument's native type is the legacy argument's it passes on, else int. A sibling that
    /// is its way's own function is called where the runtime found it; a variadic one passes its variadic arguments
    /// where the platform's C convention wants them.
    /// </summary>
    public static UpgradePlan Plan(SiblingInfo sibling, AtomicWay way, IReadOnlyList<ParameterModel> parameters)
    {
        var types = sibling.Arguments.Select(argument =>
        {
            int index = PlaceholderIndex(argument);
            return index >= 0 && index < parameters.Count ? parameters[index].NativeType : "int";
        });
        return new UpgradePlan(
            sibling.EntryPoint,
            sibling.Arguments.ToEquatableArray(),
            types.ToEquatableArray(),
            CallsFoundFunction: AtomicWayTable.FunctionOf(way) == sibling.EntryPoint,
            VariadicFrom: VariadicDeclarations.FixedArgumentCount(sibling.EntryPoint));
    }

    /// <summary>The legacy argument a template that is exactly <c>{n}</c> passes on, else -1.</summary>
    internal static int PlaceholderIndex(string template) =>
        template.Length >= 3 && template[0] == '{' && template[template.Length - 1] == '}' && int.TryParse(template.Substring(1, template.Length - 2), out int index)
            ? index
            : -1;

    /// <summary>The largest <c>{n}</c> any of the templates names, -1 when none does.</summary>
    internal static int LargestPlaceholder(IEnumerable<string> templates) =>
        templates.SelectMany(t => Regex.Matches(t, @"\{(\d+)\}").Cast<Match>())
            .Select(m => int.Parse(m.Groups[1].Value))
            .DefaultIfEmpty(-1)
            .Max();
}
