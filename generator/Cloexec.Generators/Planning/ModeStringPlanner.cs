using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Planning;

/// <summary>
/// A stdio mode string (fopen's, freopen's, popen's): the wrapper passes a copy with <c>e</c> added, or removed for
/// <c>cloexec: false</c>. The string is a C string: <c>string</c> marshalled as UTF-8, or a <c>byte*</c>.
/// </summary>
internal sealed class ModeStringPlanner : FlagArgumentPlanner
{
    public static ModeStringPlanner Instance { get; } = new();

    public override FlagPlacement Placement => FlagPlacement.ModeString;

    public override bool Fits(IParameterSymbol parameter, bool wraps) =>
        parameter.RefKind == RefKind.None
        && (parameter.Type.SpecialType == SpecialType.System_String
            || parameter.Type is IPointerTypeSymbol { PointedAtType.SpecialType: SpecialType.System_Byte or SpecialType.System_SByte });

    public override void ReportMisfit(PlanContext context, IParameterSymbol parameter) =>
        context.Report(DiagnosticDescriptors.InvalidInheritanceArgument, context.LocationOf(parameter), context.EntryPoint, parameter.Name, context.Method.Name,
            "a mode string: string (as UTF-8) or byte*");
}
