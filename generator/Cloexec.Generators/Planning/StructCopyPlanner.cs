using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Planning;

/// <summary>
/// A struct the call reads through a pointer (SECURITY_ATTRIBUTES, openat2's open_how): the wrapper passes its own copy
/// with the field set, and never writes the caller's struct.
/// </summary>
internal sealed class StructCopyPlanner : FlagArgumentPlanner
{
    public static StructCopyPlanner Instance { get; } = new();

    public override FlagPlacement Placement => FlagPlacement.StructCopy;

    // By reference only when the wrapper pins it itself: a raw method's 'ref' cannot be handed another struct.
    public override bool Fits(ParameterFacts parameter, bool wraps) => parameter.Has(ParameterTraits.ByValue)
        ? parameter.HasAny(ParameterTraits.Pointer | ParameterTraits.NativeInteger)
        : !wraps && parameter.Has(ParameterTraits.RefOrIn | ParameterTraits.Blittable);

    public override void ReportMisfit(PlanContext context, ParameterFacts parameter) =>
        context.Report(DiagnosticDescriptors.InvalidInheritanceArgument, parameter.Location, context.EntryPoint, parameter.Name, context.MethodName,
            "a pointer to the struct: a pointer type, nint, or (without Wraps) a ref/in struct");

    // openat2(dirfd, path, how, size): the copy needs the struct's size, the argument after it.
    public override int LastArgumentRead(int index, CloexecFlag flag) => IsOpenHow(flag) ? index + 1 : index;

    public override FlagArgumentPlan Plan(PlanContext context, int index, CloexecFlag flag, bool dontWaitWhileHeld) => IsOpenHow(flag)
        ? Argument(context, FlagArgumentKind.OpenHowCopy, index) with { StructSize = new ArgumentValue(index + 1, ArgumentValues.Plain(context)) }
        : Argument(context, FlagArgumentKind.SecurityAttributesCopy, index);

    /// <summary>The struct of open(2)'s flags is openat2's open_how; the others are SECURITY_ATTRIBUTES.</summary>
    private static bool IsOpenHow(CloexecFlag flag) => flag == CloexecFlag.Open;
}
