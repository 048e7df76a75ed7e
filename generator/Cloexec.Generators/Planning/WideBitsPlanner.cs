using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Planning;

/// <summary>A flag bit or-ed into a C <c>unsigned long</c> argument, which a declaration may give 32 or 64 bits.</summary>
internal sealed class WideBitsPlanner : FlagArgumentPlanner
{
    public static WideBitsPlanner Instance { get; } = new();

    public override FlagPlacement Placement => FlagPlacement.WideBits;

    public override bool Fits(ParameterFacts parameter, bool wraps) =>
        BitsPlanner.IsFlagsParameter(parameter) || parameter.Has(ParameterTraits.ByValue | ParameterTraits.WideFlagsType);

    public override void ReportMisfit(PlanContext context, ParameterFacts parameter) =>
        context.Report(DiagnosticDescriptors.InvalidFlagsParameter, parameter.Location, parameter.Name, context.MethodName);

    // The width of the argument's type decides how the bit is or-ed in: the emitter of Bits writes both.
    public override FlagArgumentPlan Plan(PlanContext context, int index, CloexecFlag flag, bool dontWaitWhileHeld) =>
        BitsPlanner.Instance.Plan(context, index, flag, dontWaitWhileHeld);
}
