using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Planning;

/// <summary>A flag bit or-ed into a C <c>unsigned long</c> argument, which a declaration may give 32 or 64 bits.</summary>
internal sealed class WideBitsPlanner : FlagArgumentPlanner
{
    public static WideBitsPlanner Instance { get; } = new();

    public override FlagPlacement Placement => FlagPlacement.WideBits;

    public override bool Fits(IParameterSymbol parameter, bool wraps) =>
        ParameterClassifier.IsFlagsParameter(parameter)
        || (parameter.RefKind == RefKind.None && ParameterClassifier.IsWideFlagsType(parameter.Type));

    public override void ReportMisfit(PlanContext context, IParameterSymbol parameter) =>
        context.Report(DiagnosticDescriptors.InvalidFlagsParameter, context.LocationOf(parameter), parameter.Name, context.Method.Name);
}
