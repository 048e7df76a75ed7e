using System.Linq;
using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Planning;

/// <summary>
/// Where the new descriptors of a function the table does not know come back: as the declaration says with
/// <c>Descriptors</c> and <c>DescriptorsParameter</c>, or the return value where nothing else could hold them. It never
/// guesses the return value of a call that may hand them back through an argument (openpty returns 0: setting the flag
/// on "descriptor 0" would change the caller's stdin).
/// </summary>
internal static class DescriptorLocationPlanner
{
    public static bool TryLocate(PlanContext context, out DescriptorOutput output, out int outputArgument)
    {
        CallRequest request = context.Request;
        outputArgument = -1;
        output = request.Descriptors switch
        {
            DescriptorsSetting.Pair => DescriptorOutput.Pair,
            DescriptorsSetting.TwoOutArguments => DescriptorOutput.TwoOutPointers,
            DescriptorsSetting.Stream => DescriptorOutput.Stream,
            DescriptorsSetting.MessageHeader => DescriptorOutput.ReceivedRights,
            DescriptorsSetting.MessageHeaders => DescriptorOutput.ReceivedRightsMessages,
            _ => DescriptorOutput.ReturnValue,
        };

        // Only where the wrapper would act on the return value alone: with FlagsParameter the call itself takes the flag
        // (the set-after path is the fallback of an old kernel), and earlier declarations of that shape stay valid.
        if (request.Descriptors == DescriptorsSetting.Unspecified)
        {
            ParameterFacts? holder = request.FlagsParameter is null ? context.NativeParameters.FirstOrDefault(p => p.Has(ParameterTraits.HoldsInt32)) : null;
            if (holder is not null)
            {
                context.Report(DiagnosticDescriptors.DescriptorsNotLocated, holder.Location, context.EntryPoint, holder.Name, context.MethodName);
                return false;
            }

            return true;
        }

        if (output is DescriptorOutput.ReturnValue or DescriptorOutput.Stream)
        {
            return true;
        }

        outputArgument = context.IndexOf(request.DescriptorsParameter);
        if (outputArgument < 0)
        {
            context.Report(DiagnosticDescriptors.InvalidDescriptorsParameter, request.Descriptors.ToString(), context.MethodName, request.DescriptorsParameter ?? "(not set)");
            return false;
        }

        return true;
    }
}
