using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Planning;

/// <summary>A BOOL argument that is TRUE for an inheritable handle (DuplicateHandle's bInheritHandle).</summary>
internal sealed class InheritBoolPlanner : FlagArgumentPlanner
{
    public static InheritBoolPlanner Instance { get; } = new();

    public override FlagPlacement Placement => FlagPlacement.InheritBool;

    public override bool Fits(IParameterSymbol parameter, bool wraps) =>
        parameter.RefKind == RefKind.None && (ParameterClassifier.IsFlagsType(parameter.Type) || parameter.Type.SpecialType == SpecialType.System_Boolean);

    public override void ReportMisfit(PlanContext context, IParameterSymbol parameter) =>
        context.Report(DiagnosticDescriptors.InvalidInheritanceArgument, context.LocationOf(parameter), context.EntryPoint, parameter.Name, context.Method.Name,
            "a BOOL: int, uint, or bool with [MarshalAs(UnmanagedType.Bool)]");
}
