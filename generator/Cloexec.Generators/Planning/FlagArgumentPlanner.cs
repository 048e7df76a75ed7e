using Cloexec.Generators.Knowledge;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Planning;

/// <summary>
/// One shape of argument that carries the flag into the call: which parameters can take it, and what to say of one
/// that cannot. A new shape is a new planner (and its case in the emitter), not a new branch of the parser.
/// </summary>
internal abstract class FlagArgumentPlanner
{
    public abstract FlagPlacement Placement { get; }

    /// <summary>Whether <paramref name="parameter"/> can carry the flag this way.</summary>
    public abstract bool Fits(IParameterSymbol parameter, bool wraps);

    /// <summary>Reports the table's flag argument <paramref name="parameter"/>, which does not fit.</summary>
    public abstract void ReportMisfit(PlanContext context, IParameterSymbol parameter);

    /// <summary>The planner of each placement that has a flag argument; <see langword="null"/> for the others.</summary>
    public static FlagArgumentPlanner? Of(FlagPlacement placement) => placement switch
    {
        FlagPlacement.Bits => BitsPlanner.Instance,
        FlagPlacement.WideBits => WideBitsPlanner.Instance,
        FlagPlacement.StructCopy => StructCopyPlanner.Instance,
        FlagPlacement.NestedStructCopy => NestedStructCopyPlanner.Instance,
        FlagPlacement.InheritBool => InheritBoolPlanner.Instance,
        FlagPlacement.ModeString => ModeStringPlanner.Instance,
        _ => null,
    };
}
