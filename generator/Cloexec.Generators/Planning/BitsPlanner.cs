using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Planning;

/// <summary>A flag bit or-ed into an int, uint or enum argument (O_CLOEXEC, SOCK_CLOEXEC, _O_NOINHERIT...).</summary>
internal sealed class BitsPlanner : FlagArgumentPlanner
{
    public static BitsPlanner Instance { get; } = new();

    public override FlagPlacement Placement => FlagPlacement.Bits;

    public override bool Fits(IParameterSymbol parameter, bool wraps) => ParameterClassifier.IsFlagsParameter(parameter);

    public override void ReportMisfit(PlanContext context, IParameterSymbol parameter) =>
        context.Report(DiagnosticDescriptors.InvalidFlagsParameter, context.LocationOf(parameter), parameter.Name, context.Method.Name);
}
