using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Planning;

/// <summary>A flag bit or-ed into an int, uint or enum argument (O_CLOEXEC, SOCK_CLOEXEC, _O_NOINHERIT...).</summary>
internal sealed class BitsPlanner : FlagArgumentPlanner
{
    public static BitsPlanner Instance { get; } = new();

    public override FlagPlacement Placement => FlagPlacement.Bits;

    public override bool Fits(ParameterFacts parameter, bool wraps) => IsFlagsParameter(parameter);

    public override void ReportMisfit(PlanContext context, ParameterFacts parameter) =>
        context.Report(DiagnosticDescriptors.InvalidFlagsParameter, parameter.Location, parameter.Name, context.MethodName);

    // The runtime's CloexecFlagValues has a value of each family's name.
    public override FlagArgumentPlan Plan(PlanContext context, int index, CloexecFlag flag, bool dontWaitWhileHeld) =>
        Argument(context, FlagArgumentKind.Bits, index) with { FlagValue = flag.ToString(), DontWaitWhileHeld = dontWaitWhileHeld };

    /// <summary>A parameter that can take the flag: passed by value, of a flags type.</summary>
    internal static bool IsFlagsParameter(ParameterFacts parameter) => parameter.Has(ParameterTraits.ByValue | ParameterTraits.FlagsType);
}
