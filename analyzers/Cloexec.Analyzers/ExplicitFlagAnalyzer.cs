using System.Collections.Immutable;
using Cloexec.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cloexec.Analyzers;

/// <summary>
/// Reports a call to a [CreatesDescriptor] method whose flags argument sets the close-on-exec bit itself (redundant: the
/// wrapper adds it) or clears it with <c>&amp; ~FLAG</c> (which the wrapper undoes: <c>cloexec: false</c> is the way).
/// Detection is by constant value with the Linux bits, so <c>O_CLOEXEC</c> written as a named constant, a literal or an
/// enum member are all found; a value only known at run time is not.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExplicitFlagAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [AnalyzerDescriptors.ExplicitCloexecFlag];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Without the runtime's attribute no call can target a [CreatesDescriptor] method: look at no invocation.
            if (start.Compilation.GetTypeByMetadataName(CreatesDescriptorAttributeName.MetadataName) is not null)
            {
                start.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (FlagsArgument.Of(invocation.TargetMethod) is not { } flags || LinuxCloexecFlags.Of(flags.Family) is not { } bit)
        {
            return;
        }

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (!SymbolEqualityComparer.Default.Equals(argument.Parameter?.OriginalDefinition, flags.Parameter.OriginalDefinition)
                || argument.ArgumentKind != ArgumentKind.Explicit)
            {
                continue;
            }

            IOperation value = WithoutConversions(argument.Value);
            string? what = ConstantOf(value) is { } constant && (constant & bit.Value) != 0
                ? "sets"
                : ClearsBit(value, bit.Value) ? "clears" : null;
            if (what is not null)
            {
                string advice = what == "sets"
                    ? "remove it, the wrapper adds it (pass cloexec: true to insist)"
                    : "the wrapper sets it again; pass cloexec: false to get an inheritable descriptor";
                context.ReportDiagnostic(Diagnostic.Create(
                    AnalyzerDescriptors.ExplicitCloexecFlag, argument.Value.Syntax.GetLocation(), flags.Parameter.Name, invocation.TargetMethod.Name, what, bit.Name, advice));
            }
        }
    }

    /// <summary><c>x &amp; ~C</c> (either side) where C has the bit: the usual way of clearing a flag.</summary>
    private static bool ClearsBit(IOperation value, int bit) =>
        value is IBinaryOperation { OperatorKind: BinaryOperatorKind.And } and
        && (IsNegatedBit(WithoutConversions(and.LeftOperand), bit) || IsNegatedBit(WithoutConversions(and.RightOperand), bit));

    private static bool IsNegatedBit(IOperation operand, int bit) =>
        operand is IUnaryOperation { OperatorKind: UnaryOperatorKind.BitwiseNegation } not
        && ConstantOf(WithoutConversions(not.Operand)) is { } constant && (constant & bit) != 0;

    // Enum members come as their underlying integer; flags are 32-bit C ints, so only the low half counts.
    private static long? ConstantOf(IOperation operation) => operation.ConstantValue is { HasValue: true } constant
        ? constant.Value switch
        {
            int i => i,
            uint u => u,
            long l => l,
            ulong ul => unchecked((long)ul),
            short s => s,
            ushort us => us,
            byte b => b,
            sbyte sb => sb,
            _ => null,
        }
        : null;

    private static IOperation WithoutConversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
