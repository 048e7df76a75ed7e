using System.Linq;
using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Model;
using Cloexec.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Planning;

/// <summary>
/// Where the new descriptors of a function the table does not know come back: as the declaration says with
/// <c>Descriptors</c> and <c>DescriptorsParameter</c>, or the return value where nothing else could hold them. It never
/// guesses the return value of a call that may hand them back through an argument (openpty returns 0: setting the flag
/// on "descriptor 0" would change the caller's stdin).
/// </summary>
internal static class DescriptorLocationPlanner
{
    public static bool TryLocate(PlanContext context, AttributeSettings settings, out DescriptorOutput output, out int outputArgument)
    {
        outputArgument = -1;
        output = settings.Descriptors switch
        {
            "Pair" => DescriptorOutput.Pair,
            "TwoOutArguments" => DescriptorOutput.TwoOutPointers,
            "Stream" => DescriptorOutput.Stream,
            "MessageHeader" => DescriptorOutput.ReceivedRights,
            "MessageHeaders" => DescriptorOutput.ReceivedRightsMessages,
            _ => DescriptorOutput.ReturnValue,
        };

        // Only where the wrapper would act on the return value alone: with FlagsParameter the call itself takes the flag
        // (the set-after path is the fallback of an old kernel), and earlier declarations of that shape stay valid.
        if (settings.Descriptors is null or "Unspecified")
        {
            IParameterSymbol? holder = settings.FlagsParameter is null ? context.NativeParameters.FirstOrDefault(CouldHoldDescriptors) : null;
            if (holder is not null)
            {
                context.Report(DiagnosticDescriptors.DescriptorsNotLocated, context.LocationOf(holder), context.EntryPoint, holder.Name, context.Method.Name);
                return false;
            }

            return true;
        }

        if (output is DescriptorOutput.ReturnValue or DescriptorOutput.Stream)
        {
            return true;
        }

        outputArgument = context.NativeParameters.FindIndex(p => p.Name == settings.DescriptorsParameter);
        if (outputArgument < 0)
        {
            context.Report(DiagnosticDescriptors.InvalidDescriptorsParameter, settings.Descriptors, context.Method.Name, settings.DescriptorsParameter ?? "(not set)");
            return false;
        }

        return true;
    }

    /// <summary>An argument the call could write an int into: int* or uint*, out/ref int, an int array or span.</summary>
    private static bool CouldHoldDescriptors(IParameterSymbol parameter)
    {
        ITypeSymbol type = parameter.Type;
        ITypeSymbol? element = parameter.RefKind is RefKind.Out or RefKind.Ref ? type
            : type switch
            {
                IPointerTypeSymbol pointer => pointer.PointedAtType,
                IArrayTypeSymbol array => array.ElementType,
                INamedTypeSymbol { Name: "Span", ContainingNamespace.Name: "System", TypeArguments.Length: 1 } span => span.TypeArguments[0],
                _ => null,
            };
        return element?.SpecialType is SpecialType.System_Int32 or SpecialType.System_UInt32;
    }
}
