using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Planning;

/// <summary>
/// One shape of argument that carries the flag into the call: which parameters can take it, what to say of one that
/// cannot, and how the flag is applied to it (<see cref="FlagArgumentPlan"/>). A new shape is a new planner and its
/// emitter (Emitting/FlagArguments), not a new branch of the parser.
/// </summary>
internal abstract class FlagArgumentPlanner
{
    public abstract FlagPlacement Placement { get; }

    /// <summary>Whether <paramref name="parameter"/> can carry the flag this way.</summary>
    public abstract bool Fits(ParameterFacts parameter, bool wraps);

    /// <summary>Reports the table's flag argument <paramref name="parameter"/>, which does not fit.</summary>
    public abstract void ReportMisfit(PlanContext context, ParameterFacts parameter);

    /// <summary>How the flag's argument crosses to the wrapper's own import, where the shape asks for another way than the parser's.</summary>
    public virtual ParameterModel Crossing(ParameterModel parameter, ParameterFacts facts, bool wraps) => parameter;

    /// <summary>The last argument the flag's application reads, the flag's own at <paramref name="index"/> or one after it.</summary>
    public virtual int LastArgumentRead(int index, CloexecFlag flag) => index;

    /// <summary>How the flag of <paramref name="flag"/> is applied to argument <paramref name="index"/>.</summary>
    /// <param name="dontWaitWhileHeld">Whether the call must not block while the fork lock is held.</param>
    public abstract FlagArgumentPlan Plan(PlanContext context, int index, CloexecFlag flag, bool dontWaitWhileHeld);

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

    /// <summary>The argument as the call passes it without the flag: its type there, its value, and how wide it is.</summary>
    protected static FlagArgumentPlan Argument(PlanContext context, FlagArgumentKind kind, int index)
    {
        ParameterModel parameter = context.Parameters[index];
        string type = context.Wraps ? parameter.ManagedType : parameter.NativeType;
        FlagValueWidth width = type switch
        {
            "int" => FlagValueWidth.Int32,
            "bool" => FlagValueWidth.Bool,
            "long" or "ulong" or "nint" or "nuint" => FlagValueWidth.Wide64,
            _ => FlagValueWidth.Other32,
        };
        return new FlagArgumentPlan(kind, index, ArgumentValues.Passed(context, index), type, width);
    }
}
