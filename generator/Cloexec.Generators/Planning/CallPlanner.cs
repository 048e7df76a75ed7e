using System.Linq;
using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Planning;

/// <summary>
/// Chooses what a declaration's call does: the table's row for its entry point, or the family it names itself
/// (<c>FlagsParameter</c>, <c>Flag</c>); the shape planners check the arguments that carry the flag.
/// </summary>
internal static class CallPlanner
{
    public static CallChoice? Plan(PlanContext context, EntryPointInfo? known, NativeResource resource)
    {
        CallRequest request = context.Request;
        DescriptorOutput output = known?.Output ?? DescriptorOutput.ReturnValue;
        int outputArgument = known?.OutputArgument ?? -1;

        // Flag = CloexecFlag.None: the call takes no flag of its own; an unknown member stays unknown (null).
        bool noFlag = request.FlagName is not null && FlagFamilies.Parse(request.FlagName) == CloexecFlag.None;
        CloexecFlag? named = request.FlagName is null || noFlag ? null : FlagFamilies.Parse(request.FlagName);
        if (known is null && (request.FlagsParameter is not null || noFlag)
            && !DescriptorLocationPlanner.TryLocate(context, out output, out outputArgument))
        {
            return null;
        }

        CallChoice? choice;
        if (request.FlagsParameter is not null)
        {
            choice = PlanNamedArgument(context, known, named, noFlag, output, outputArgument, resource);
        }
        else if (noFlag && known?.Placement == FlagPlacement.AlwaysCloexec)
        {
            // Nothing to set after: the call already does it.
            choice = PlanRow(context, known, resource);
        }
        else if (noFlag)
        {
            choice = new CallChoice(known?.Flag ?? CloexecFlag.None, AtomicWay.None, FlagPlacement.AfterCreation, -1, output, outputArgument, null, known?.PassThroughWhen, resource);
        }
        else if (known is not null && (request.FlagName is null || named == known.Flag))
        {
            choice = PlanRow(context, known, resource);
        }
        else if (known is not null)
        {
            context.Report(DiagnosticDescriptors.FlagDoesNotFit, request.FlagName!, context.MethodName, context.EntryPoint,
                $"it takes {known.Flag} flags; remove Flag, or name the argument that takes {request.FlagName} flags with FlagsParameter");
            return null;
        }
        else
        {
            context.Report(DiagnosticDescriptors.UnknownEntryPoint, context.EntryPoint, context.MethodName);
            return null;
        }

        return choice is not null && ArgumentsSuffice(context, choice) ? choice : null;
    }

    /// <summary>The row as it is, with the sibling only where the wrapper makes its own imports.</summary>
    private static CallChoice PlanRow(PlanContext context, EntryPointInfo known, NativeResource resource)
    {
        if (known.Placement == FlagPlacement.Sibling)
        {
            // A raw import cannot be swapped for another function: without its own imports the wrapper sets the flag after.
            return new CallChoice(known.Flag, context.Wraps ? AtomicWay.None : known.Way, known.Placement, -1, known.Output, known.OutputArgument,
                context.Wraps ? null : known.Sibling, known.PassThroughWhen, resource, known.Blocking);
        }

        return new CallChoice(known.Flag, known.Way, known.Placement, known.FlagArgument, known.Output, known.OutputArgument, null, known.PassThroughWhen, resource, known.Blocking);
    }

    /// <summary><c>FlagsParameter</c>: the family Flag names (else the row's), put in the argument named.</summary>
    private static CallChoice? PlanNamedArgument(
        PlanContext context, EntryPointInfo? known, CloexecFlag? named, bool noFlag, DescriptorOutput output, int outputArgument, NativeResource resource)
    {
        CallRequest request = context.Request;
        int index = context.IndexOf(request.FlagsParameter);
        CloexecFlag? flag = named ?? (request.FlagName is null || noFlag ? known?.Flag : null);
        if (index < 0)
        {
            context.Report(DiagnosticDescriptors.InvalidFlagsParameter, request.FlagsParameter!, context.MethodName);
            return null;
        }

        if (flag is not { } family || family == CloexecFlag.None)
        {
            context.Report(DiagnosticDescriptors.FlagDoesNotFit, request.FlagName ?? "(not set)", context.MethodName, context.EntryPoint,
                "FlagsParameter needs the family of flags its argument takes, such as Flag = CloexecFlag.Open");
            return null;
        }

        FlagPlacement placement = FlagFamilies.PlacementOf(family);
        if (FlagArgumentPlanner.Of(placement)?.Fits(context.NativeParameters[index], context.Wraps) != true)
        {
            context.Report(DiagnosticDescriptors.InvalidFlagsParameter, request.FlagsParameter!, context.MethodName);
            return null;
        }

        return new CallChoice(family, FlagFamilies.WayOf(family) ?? AtomicWay.None, placement, index, output, outputArgument, null, known?.PassThroughWhen, resource);
    }

    /// <summary>Whether the call can write descriptors (or a msghdr it fills) through the argument: by value, only an address can.</summary>
    private static bool CanReceive(ParameterFacts parameter) =>
        !parameter.Has(ParameterTraits.ByValue)
        || parameter.HasAny(ParameterTraits.Pointer | ParameterTraits.Array | ParameterTraits.ErrorType | ParameterTraits.NativeInteger | ParameterTraits.Span);

    /// <summary>A mode string reaches the C library as UTF-8 bytes: a string the wrapper marshals as UTF-16 cannot be edited as one.</summary>
    private static bool MarshalledAsPlannerNeeds(PlanContext context, CallChoice choice) =>
        choice.Placement != FlagPlacement.ModeString || context.Wraps
        || context.Parameters[choice.FlagArgumentIndex].Kind is MarshalKind.Utf8String or MarshalKind.AnsiString or MarshalKind.Blittable;

    /// <summary>Whether the declaration has every argument the plan names, and the flag's argument can take it.</summary>
    private static bool ArgumentsSuffice(PlanContext context, CallChoice choice)
    {
        FlagArgumentPlanner? planner = FlagArgumentPlanner.Of(choice.Placement);
        int flagsNeeded = choice.FlagArgumentIndex >= 0 && planner is not null ? planner.LastArgumentRead(choice.FlagArgumentIndex, choice.Flag) : choice.FlagArgumentIndex;
        int outputsNeeded = choice.Output == DescriptorOutput.TwoOutPointers ? choice.OutputArgumentIndex + 1 : choice.OutputArgumentIndex;
        int needed = new[]
        {
            flagsNeeded,
            outputsNeeded,
            choice.Blocking?.DescriptorArgument ?? -1,
            NativeExpressions.LargestArgument(choice.Sibling?.Arguments ?? []),
            NativeExpressions.LargestArgument(choice.PassThroughWhen is { } condition ? [condition] : []),
        }.Max();
        if (needed >= context.NativeParameters.Count)
        {
            string what = needed == flagsNeeded || needed == choice.FlagArgumentIndex ? "its flags"
                : needed == outputsNeeded || needed == choice.OutputArgumentIndex ? "its descriptors"
                : "an argument";
            context.Report(DiagnosticDescriptors.MissingFlagArgument, context.EntryPoint, what, needed.ToString(), context.MethodName, context.NativeParameters.Count.ToString());
            return false;
        }

        // _dup2's output is a descriptor number passed by value: read, never written through.
        int[] outputs = choice.OutputArgumentIndex < 0 || choice.Output is DescriptorOutput.OutArguments or DescriptorOutput.DuplicatedOnto ? []
            : choice.Output == DescriptorOutput.TwoOutPointers ? [choice.OutputArgumentIndex, choice.OutputArgumentIndex + 1]
            : [choice.OutputArgumentIndex];
        foreach (int index in outputs)
        {
            ParameterFacts output = context.NativeParameters[index];
            if (!CanReceive(output))
            {
                context.Report(DiagnosticDescriptors.InvalidDescriptorsArgument, output.Location, context.EntryPoint, output.Name, context.MethodName);
                return false;
            }
        }

        if (choice.FlagArgumentIndex >= 0 && planner is not null)
        {
            ParameterFacts flags = context.NativeParameters[choice.FlagArgumentIndex];
            if (!planner.Fits(flags, context.Wraps) || !MarshalledAsPlannerNeeds(context, choice))
            {
                planner.ReportMisfit(context, flags);
                return false;
            }
        }

        return true;
    }
}
