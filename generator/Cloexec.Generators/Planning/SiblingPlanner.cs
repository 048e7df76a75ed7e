using System.Collections.Generic;
using System.Linq;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;
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
    /// <param name="parameters">The legacy call's parameters: the sibling is only called by the wrapper's own import.</param>
    /// <param name="localName">The local function the wrapper calls it through.</param>
    public static SiblingCall Plan(SiblingInfo sibling, AtomicWay way, CloexecFlag flag, IReadOnlyList<ParameterModel> parameters, string localName)
    {
        string[] types = sibling.Arguments.Select(argument =>
        {
            int index = NativeExpressions.PlaceholderIndex(argument);
            return index >= 0 && index < parameters.Count ? parameters[index].NativeType : "int";
        }).ToArray();
        return new SiblingCall(
            sibling.EntryPoint,
            localName,
            sibling.Arguments.Select(argument => NativeExpressions.Of(argument, ValueForm.Native, flag)).ToEquatableArray(),
            types.ToEquatableArray(),
            CallsFoundFunction: AtomicWayTable.FunctionOf(way) == sibling.EntryPoint,
            VariadicFunctions.LayoutOf(sibling.EntryPoint, types.Length));
    }
}
