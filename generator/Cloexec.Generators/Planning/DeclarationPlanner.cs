using System.Collections.Generic;
using System.Linq;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Planning;

/// <summary>
/// The plan step (<see cref="TrackingNames.Plan"/>): from what the read gave, the call's plan and its diagnostics. It
/// sees no symbol, so Roslyn skips it while the read's result compares equal.
/// </summary>
internal static class DeclarationPlanner
{
    public static ParseResult Plan(ReadResult read)
    {
        if (read.Request is not { } request || read.Model is not { } model)
        {
            return new ParseResult(read.Model, read.Diagnostics, read.HasErrors, read.UnsafeCodeRequired);
        }

        var diagnostics = read.Diagnostics.ToList();
        NativeTarget? target = request.Target;
        NativePlatform platform = NativeLibraries.PlatformOf(target?.LibraryName);
        PlanContext? context = target is null ? null : new PlanContext(request, target, model.Parameters, diagnostics);
        EntryPointInfo? known = context is null ? null : EntryPointTable.Find(context.EntryPoint, platform);
        CallChoice? choice = context is null ? null : CallPlanner.Plan(context, known, ResourceOf(target!));
        ReturnModel result = ReturnPlanner.Plan(request, model.Return, choice, known, platform, NativeLibraries.IsCrt(target?.LibraryName), diagnostics);
        if (context is not null)
        {
            VariadicFunctions.Check(context, platform);
        }

        bool hasErrors = read.HasErrors || diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
        CallPlan? plan = null;
        EquatableArray<ParameterModel> parameters = model.Parameters;
        if (!hasErrors && context is not null && choice is not null)
        {
            plan = CallPlanWriter.Write(context, choice, result, out parameters);
        }

        return new ParseResult(
            model with { Return = result, Parameters = parameters, Plan = plan },
            diagnostics.ToEquatableArray(),
            HasErrors: plan is null,
            read.UnsafeCodeRequired);
    }

    private static NativeResource ResourceOf(NativeTarget target) =>
        NativeLibraries.IsWinsock(target.LibraryName) ? NativeResource.Socket
        : NativeLibraries.IsMsvcrt(target.LibraryName) ? NativeResource.MsvcrtDescriptor
        : NativeResource.Descriptor;
}
