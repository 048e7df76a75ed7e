using System.Linq;
using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;
using Cloexec.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Planning;

/// <summary>
/// Chooses what a declaration's call does: the table's row for its entry point, or the family it names itself
/// (<c>FlagsParameter</c>, <c>Flag</c>); the shape planners check the arguments that carry the flag.
/// </summary>
internal static class CallPlanner
{
    public static CallPlan? Plan(PlanContext context, AttributeSettings settings, EntryPointInfo? known, NativeResource resource)
    {
        DescriptorOutput output = known?.Output ?? DescriptorOutput.ReturnValue;
        int outputArgument = known?.OutputArgument ?? -1;
        if (known is null && (settings.FlagsParameter is not null || settings.Flag == "None")
            && !DescriptorLocationPlanner.TryLocate(context, settings, out output, out outputArgument))
        {
            return null;
        }

        CloexecFlag? named = settings.Flag is null or "None" ? null : FlagFamilies.Parse(settings.Flag);

        CallPlan? plan;
        if (settings.FlagsParameter is not null)
        {
            plan = PlanNamedArgument(context, settings, known, named, output, outputArgument, resource);
        }
        else if (settings.Flag == "None" && known?.Placement == FlagPlacement.AlwaysCloexec)
        {
            // Nothing to set after: the call already does it.
            plan = PlanRow(context, known, resource);
        }
        else if (settings.Flag == "None")
        {
            plan = new CallPlan(known?.Flag ?? CloexecFlag.None, AtomicWay.None, FlagPlacement.AfterCreation, -1, output, outputArgument, null, known?.PassThroughWhen, resource);
        }
        else if (known is not null && (settings.Flag is null || named == known.Flag))
        {
            plan = PlanRow(context, known, resource);
        }
        else if (known is not null)
        {
            context.Report(DiagnosticDescriptors.FlagDoesNotFit, settings.Flag!, context.Method.Name, context.EntryPoint,
                $"it takes {known.Flag} flags; remove Flag, or name the argument that takes {settings.Flag} flags with FlagsParameter");
            return null;
        }
        else
        {
            context.Report(DiagnosticDescriptors.UnknownEntryPoint, context.EntryPoint, context.Method.Name);
            return null;
        }

        return plan is not null && ArgumentsSuffice(context, plan, known) ? plan : null;
    }

    /// <summary>The row as it is, with the sibling only where the wrapper makes its own imports.</summary>
    private static CallPlan PlanRow(PlanContext context, EntryPointInfo known, NativeResource resource)
    {
        if (known.Placement == FlagPlacement.Sibling)
        {
            // A raw import cannot be swapped for another function: without its own imports the wrapper sets the flag after.
            UpgradePlan? upgrade = context.Wraps ? null : SiblingPlanner.Plan(known.Sibling!, known.Way, context.Parameters);
            return new CallPlan(known.Flag, context.Wraps ? AtomicWay.None : known.Way, known.Placement, -1, known.Output, known.OutputArgument, upgrade, known.PassThroughWhen, resource, known.Blocking);
        }

        return new CallPlan(known.Flag, known.Way, known.Placement, known.FlagArgument, known.Output, known.OutputArgument, null, known.PassThroughWhen, resource, known.Blocking);
    }

    /// <summary><c>FlagsParameter</c>: the family Flag names (else the row's), put in the argument named.</summary>
    private static CallPlan? PlanNamedArgument(
        PlanContext context, AttributeSettings settings, EntryPointInfo? known, CloexecFlag? named, DescriptorOutput output, int outputArgument, NativeResource resource)
    {
        int index = context.NativeParameters.FindIndex(p => p.Name == settings.FlagsParameter);
        CloexecFlag? flag = named ?? (settings.Flag is null or "None" ? known?.Flag : null);
        if (index < 0)
        {
            context.Report(DiagnosticDescriptors.InvalidFlagsParameter, settings.FlagsParameter!, context.Method.Name);
            return null;
        }

        if (flag is not { } family || family == CloexecFlag.None)
        {
            context.Report(DiagnosticDescriptors.FlagDoesNotFit, settings.Flag ?? "(not set)", context.Method.Name, context.EntryPoint,
                "FlagsParameter needs the family of flags its argument takes, such as Flag = CloexecFlag.Open");
            return null;
        }

        FlagPlacement placement = FlagFamilies.PlacementOf(family);
        if (FlagArgumentPlanner.Of(placement)?.Fits(context.NativeParameters[index], context.Wraps) != true)
        {
            context.Report(DiagnosticDescriptors.InvalidFlagsParameter, settings.FlagsParameter!, context.Method.Name);
            return null;
        }

        return new CallPlan(family, FlagFamilies.WayOf(family) ?? AtomicWay.None, placement, index, output, outputArgument, null, known?.PassThroughWhen, resource);
    }

    /// <summary>Whether the call can write descriptors (or a msghdr it fills) through the argument: by value, only an address can.</summary>
    private static bool CanReceive(IParameterSymbol parameter) =>
        parameter.RefKind != RefKind.None
        || parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.Array or TypeKind.Error
        || parameter.Type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr
        || parameter.Type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", ContainingNamespace.Name: "System" };

    /// <summary>A mode string reaches the C library as UTF-8 bytes: a string the wrapper marshals as UTF-16 cannot be edited as one.</summary>
    private static bool MarshalledAsPlannerNeeds(PlanContext context, CallPlan plan) =>
        plan.Placement != FlagPlacement.ModeString || context.Wraps
        || context.Parameters[plan.FlagArgumentIndex].Kind is MarshalKind.Utf8String or MarshalKind.AnsiString or MarshalKind.Blittable;

    /// <summary>Whether the declaration has every argument the plan names, and the flag's argument can take it.</summary>
    private static bool ArgumentsSuffice(PlanContext context, CallPlan plan, EntryPointInfo? known)
    {
        int needed = new[]
        {
            // openat2's struct open_how is followed by its size, which the copy needs.
            plan.Placement == FlagPlacement.StructCopy && plan.Flag == CloexecFlag.Open ? plan.FlagArgumentIndex + 1 : plan.FlagArgumentIndex,
            plan.Output == DescriptorOutput.TwoOutPointers ? plan.OutputArgumentIndex + 1 : plan.OutputArgumentIndex,
            plan.Blocking?.DescriptorArgument ?? -1,
            SiblingPlanner.LargestPlaceholder(known?.Sibling?.Arguments ?? []),
            SiblingPlanner.LargestPlaceholder(plan.PassThroughWhen is { } condition ? [condition] : []),
        }.Max();
        if (needed >= context.NativeParameters.Count)
        {
            string what = needed == plan.FlagArgumentIndex || (plan.Placement == FlagPlacement.StructCopy && needed == plan.FlagArgumentIndex + 1) ? "its flags" : needed == plan.OutputArgumentIndex || (plan.Output == DescriptorOutput.TwoOutPointers && needed == plan.OutputArgumentIndex + 1) ? "its descriptors" : "an argument";
            context.Report(DiagnosticDescriptors.MissingFlagArgument, context.EntryPoint, what, needed.ToString(), context.Method.Name, context.NativeParameters.Count.ToString());
            return false;
        }

        int[] outputs = plan.OutputArgumentIndex < 0 || plan.Output == DescriptorOutput.OutArguments ? []
            : plan.Output == DescriptorOutput.TwoOutPointers ? [plan.OutputArgumentIndex, plan.OutputArgumentIndex + 1]
            : [plan.OutputArgumentIndex];
        foreach (int index in outputs)
        {
            IParameterSymbol output = context.NativeParameters[index];
            if (!CanReceive(output))
            {
                context.Report(DiagnosticDescriptors.InvalidDescriptorsArgument, context.LocationOf(output), context.EntryPoint, output.Name, context.Method.Name);
                return false;
            }
        }

        if (plan.FlagArgumentIndex >= 0 && FlagArgumentPlanner.Of(plan.Placement) is { } planner)
        {
            IParameterSymbol flags = context.NativeParameters[plan.FlagArgumentIndex];
            if (!planner.Fits(flags, context.Wraps) || !MarshalledAsPlannerNeeds(context, plan))
            {
                planner.ReportMisfit(context, flags);
                return false;
            }
        }

        return true;
    }
}
