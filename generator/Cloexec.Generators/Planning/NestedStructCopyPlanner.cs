using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Microsoft.CodeAnalysis;

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
    public override bool Fits(IParameterSymbol parameter, bool wraps) => StructCopyPlanner.Instance.Fits(parameter, wraps);

    public override void ReportMisfit(PlanContext context, IParameterSymbol parameter) =>
        context.Report(DiagnosticDescriptors.InvalidInheritanceArgument, context.LocationOf(parameter), context.EntryPoint, parameter.Name, context.Method.Name,
            "a CREATEFILE2_EXTENDED_PARAMETERS pointer: a pointer type, nint, or (without Wraps) a ref/in struct");
}
