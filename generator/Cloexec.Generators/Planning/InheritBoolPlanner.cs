using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Planning;

/// <summary>A BOOL argument that is TRUE for an inheritable handle (DuplicateHandle's bInheritHandle).</summary>
internal sealed class InheritBoolPlanner : FlagArgumentPlanner
{
    public static InheritBoolPlanner Instance { get; } = new();

    public override FlagPlacement Placement => FlagPlacement.InheritBool;

    public override bool Fits(ParameterFacts parameter, bool wraps) =>
        parameter.Has(ParameterTraits.ByValue) && parameter.HasAny(ParameterTraits.FlagsType | ParameterTraits.Boolean);

    public override void ReportMisfit(PlanContext context, ParameterFacts parameter) =>
        context.Report(DiagnosticDescriptors.InvalidInheritanceArgument, parameter.Location, context.EntryPoint, parameter.Name, context.MethodName,
            "a BOOL: int, uint, or bool with [MarshalAs(UnmanagedType.Bool)]");

    public override FlagArgumentPlan Plan(PlanContext context, int index, CloexecFlag flag, bool dontWaitWhileHeld) =>
        Argument(context, FlagArgumentKind.InheritBool, index);
}
