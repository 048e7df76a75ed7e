using System.Collections.Generic;
using System.Linq;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Planning;

/// <summary>
/// Reads the knowledge table's argument and condition templates once, into typed parts: <c>{n}</c> is the call's
/// argument n, <c>{flag}</c> the flag family's runtime value, <c>{CloexecFlagValues.Name}</c> a runtime constant, the
/// rest C# as written.
/// </summary>
internal static class NativeExpressions
{
    private const string FlagValuesPrefix = "CloexecFlagValues.";

    /// <param name="form">How the call's arguments are written: marshalled for the wrapper's own import, as received for a raw method.</param>
    public static NativeExpression Of(string template, ValueForm form, CloexecFlag flag) =>
        new(Parts(template).Select(part => Resolve(part, form, flag)).ToEquatableArray());

    /// <summary>The argument a template that is exactly <c>{n}</c> passes on, else -1.</summary>
    public static int PlaceholderIndex(string template) =>
        template.Length >= 3 && template[0] == '{' && template[template.Length - 1] == '}' && int.TryParse(template.Substring(1, template.Length - 2), out int index)
            ? index
            : -1;

    /// <summary>The largest <c>{n}</c> any of the templates names, -1 when none does.</summary>
    public static int LargestArgument(IEnumerable<string> templates) =>
        templates.SelectMany(Parts).Select(ArgumentIndex).DefaultIfEmpty(-1).Max();

    private static ExpressionPart Resolve(string part, ValueForm form, CloexecFlag flag)
    {
        if (ArgumentIndex(part) is int index and >= 0)
        {
            return new ExpressionPart(ExpressionPartKind.Argument, string.Empty, new ArgumentValue(index, form));
        }

        if (part == EntryPointTable.FlagPlaceholder)
        {
            // The runtime's CloexecFlagValues has a value of each family's name.
            return new ExpressionPart(ExpressionPartKind.FlagValue, flag.ToString());
        }

        return part.StartsWith("{" + FlagValuesPrefix, System.StringComparison.Ordinal) && part.EndsWith("}", System.StringComparison.Ordinal)
            ? new ExpressionPart(ExpressionPartKind.FlagValue, part.Substring(FlagValuesPrefix.Length + 1, part.Length - FlagValuesPrefix.Length - 2))
            : new ExpressionPart(ExpressionPartKind.Text, part);
    }

    private static int ArgumentIndex(string part) => PlaceholderIndex(part);

    /// <summary>The template cut into placeholders (<c>{...}</c>) and the text between them.</summary>
    private static IEnumerable<string> Parts(string template)
    {
        int start = 0;
        while (start < template.Length)
        {
            int open = template.IndexOf('{', start);
            int close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                yield return template.Substring(start);
                yield break;
            }

            if (open > start)
            {
                yield return template.Substring(start, open - start);
            }

            yield return template.Substring(open, close - open + 1);
            start = close + 1;
        }
    }
}
