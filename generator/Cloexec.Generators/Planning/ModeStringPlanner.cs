using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Planning;

/// <summary>
/// A stdio mode string (fopen's, freopen's, popen's): the wrapper passes a copy with <c>e</c> added, or removed for
/// <c>cloexec: false</c>. The string is a C string: <c>string</c> marshalled as UTF-8, or a <c>byte*</c>.
/// </summary>
internal sealed class ModeStringPlanner : FlagArgumentPlanner
{
    public static ModeStringPlanner Instance { get; } = new();

    public override FlagPlacement Placement => FlagPlacement.ModeString;

    public override bool Fits(ParameterFacts parameter, bool wraps) =>
        parameter.Has(ParameterTraits.ByValue) && parameter.HasAny(ParameterTraits.String | ParameterTraits.BytePointer);

    public override void ReportMisfit(PlanContext context, ParameterFacts parameter) =>
        context.Report(DiagnosticDescriptors.InvalidInheritanceArgument, parameter.Location, context.EntryPoint, parameter.Name, context.MethodName,
            "a mode string: string (as UTF-8) or byte*");

    public override FlagArgumentPlan Plan(PlanContext context, int index, CloexecFlag flag, bool dontWaitWhileHeld) =>
        Argument(context, FlagArgumentKind.ModeString, index);
}
