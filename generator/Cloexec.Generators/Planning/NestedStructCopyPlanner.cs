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

    // The pointer shapes of the SECURITY_ATTRIBUTES pointer itself: the copy of the user's own type, which a raw method
    // takes by value or by ref, is made for SECURITY_ATTRIBUTES alone.
    public override bool Fits(ParameterFacts parameter, bool wraps) => parameter.Has(ParameterTraits.ByValue)
        ? parameter.HasAny(ParameterTraits.Pointer | ParameterTraits.NativeInteger)
        : !wraps && parameter.Has(ParameterTraits.RefOrIn | ParameterTraits.Blittable);

    public override void ReportMisfit(PlanContext context, ParameterFacts parameter) =>
        context.Report(DiagnosticDescriptors.InvalidInheritanceArgument, parameter.Location, context.EntryPoint, parameter.Name, context.MethodName,
            "a CREATEFILE2_EXTENDED_PARAMETERS pointer: a pointer type, nint, or (without Wraps) a ref/in struct");

    public override FlagArgumentPlan Plan(PlanContext context, int index, CloexecFlag flag, bool dontWaitWhileHeld) =>
        Argument(context, FlagArgumentKind.NestedSecurityAttributesCopy, index);
}
