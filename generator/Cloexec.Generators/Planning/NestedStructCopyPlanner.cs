using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Planning;

/// <summary>
/// A struct the call reads through a pointer that itself points to the SECURITY_ATTRIBUTES (CreateFile2's
/// CREATEFILE2_EXTENDED_PARAMETERS): the wrapper passes its own copies of both, and never writes the caller's.
/// </summary>
internal sealed class NestedStructCopyPlanner : FlagArgumentPlanner
{
    public static NestedStructCopyPlanner Instance { get; } = new();

    public override FlagPlacement Placement => FlagPlacement.NestedStructCopy;

    // The same argument shapes as the SECURITY_ATTRIBUTES pointer itself.
    public override bool Fits(ParameterFacts parameter, bool wraps) => StructCopyPlanner.Instance.Fits(parameter, wraps);

    public override ParameterModel Crossing(ParameterModel parameter, ParameterFacts facts, bool wraps) =>
        StructCopyPlanner.Instance.Crossing(parameter, facts, wraps);

    public override void ReportMisfit(PlanContext context, ParameterFacts parameter) =>
        context.Report(DiagnosticDescriptors.InvalidInheritanceArgument, parameter.Location, context.EntryPoint, parameter.Name, context.MethodName,
            "a CREATEFILE2_EXTENDED_PARAMETERS pointer: a pointer type, nint, a ref/in struct, or (with Wraps) a struct or a class of sequential layout");

    public override FlagArgumentPlan Plan(PlanContext context, int index, CloexecFlag flag, bool dontWaitWhileHeld) =>
        StructCopyPlanner.CopiesUsersType(context, index)
            ? Argument(context, FlagArgumentKind.NestedSecurityAttributesValueCopy, index) with { Value = new ArgumentValue(index, ValueForm.Managed) }
            : Argument(context, FlagArgumentKind.NestedSecurityAttributesCopy, index);
}
