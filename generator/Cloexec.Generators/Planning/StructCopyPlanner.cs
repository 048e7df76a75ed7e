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

    // Through a pointer the wrapper passes its own copy; a raw method's ref/in or by-value struct or layout class gets a
    // copy of the user's own type (the runtime makes it), as a raw 'ref' cannot be handed another struct type.
    public override bool Fits(ParameterFacts parameter, bool wraps) => parameter.Has(ParameterTraits.ByValue)
        ? parameter.HasAny(ParameterTraits.Pointer | ParameterTraits.NativeInteger) || (wraps && parameter.HasAny(ParameterTraits.Struct | ParameterTraits.LayoutClass))
        : parameter.Has(ParameterTraits.RefOrIn) && (wraps ? parameter.Has(ParameterTraits.Struct) : parameter.Has(ParameterTraits.Blittable));

    public override void ReportMisfit(PlanContext context, ParameterFacts parameter) =>
        context.Report(DiagnosticDescriptors.InvalidInheritanceArgument, parameter.Location, context.EntryPoint, parameter.Name, context.MethodName,
            parameter.HasAny(ParameterTraits.Struct | ParameterTraits.LayoutClass)
                ? "a pointer to the struct: a pointer type, nint, or a ref/in struct of the Win32 layout without bool or char fields; "
                    + "for a struct passed by value, a struct with a bool field or a layout class, declare the raw function with [DllImport] as it was and point Wraps at it"
                : "a pointer to the struct: a pointer type, nint, a ref/in struct, or (with Wraps) a struct or a class of sequential layout");

    // openat2(dirfd, path, how, size): the copy needs the struct's size, the argument after it.
    public override int LastArgumentRead(int index, CloexecFlag flag) => IsOpenHow(flag) ? index + 1 : index;

    public override FlagArgumentPlan Plan(PlanContext context, int index, CloexecFlag flag, bool dontWaitWhileHeld) => IsOpenHow(flag)
        ? Argument(context, FlagArgumentKind.OpenHowCopy, index) with { StructSize = new ArgumentValue(index + 1, ArgumentValues.Plain(context)) }
        : context.Wraps && context.NativeParameters[index].HasAny(ParameterTraits.Struct | ParameterTraits.LayoutClass)
            ? Argument(context, FlagArgumentKind.SecurityAttributesValueCopy, index) with { Value = new ArgumentValue(index, ValueForm.Managed) }
            : Argument(context, FlagArgumentKind.SecurityAttributesCopy, index);

    /// <summary>The struct of open(2)'s flags is openat2's open_how; the others are SECURITY_ATTRIBUTES.</summary>
    private static bool IsOpenHow(CloexecFlag flag) => flag == CloexecFlag.Open;
}
