using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Planning;

/// <summary>
/// A struct the call reads through a pointer (SECURITY_ATTRIBUTES): the wrapper passes its own copy with the field
/// set, and never writes the caller's struct.
/// </summary>
internal sealed class StructCopyPlanner : FlagArgumentPlanner
{
    public static StructCopyPlanner Instance { get; } = new();

    public override FlagPlacement Placement => FlagPlacement.StructCopy;

    // By reference only when the wrapper pins it itself: a raw method's 'ref' cannot be handed another struct.
    public override bool Fits(IParameterSymbol parameter, bool wraps) => parameter.RefKind == RefKind.None
        ? parameter.Type.TypeKind == TypeKind.Pointer || parameter.Type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr
        : !wraps && parameter.RefKind is RefKind.Ref or RefKind.In && ParameterClassifier.IsBlittable(parameter.Type);

    public override void ReportMisfit(PlanContext context, IParameterSymbol parameter) =>
        context.Report(DiagnosticDescriptors.InvalidInheritanceArgument, context.LocationOf(parameter), context.EntryPoint, parameter.Name, context.Method.Name,
            "a SECURITY_ATTRIBUTES pointer: a pointer type, nint, or (without Wraps) a ref/in struct");
}
