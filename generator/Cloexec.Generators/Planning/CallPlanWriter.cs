using System.Linq;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Planning;

/// <summary>
/// Turns the call chosen in the knowledge table's terms into the model's <see cref="CallPlan"/>: every decision the
/// emitters need, made here once.
/// </summary>
internal static class CallPlanWriter
{
    private const string ImportName = "__PInvoke";

    public static CallPlan Write(PlanContext context, CallChoice choice, ReturnModel result, out EquatableArray<ParameterModel> parameters)
    {
        var names = new LocalNameChooser(context.Request.ParameterNames);
        LocalNames locals = ChooseLocals(names);
        parameters = context.Parameters.Select(p => p with { NativeName = names.Choose("__" + p.Name.TrimStart('@') + "_native", "__marshaller") }).ToEquatableArray();
        context = context.With(parameters);

        CallSkeleton skeleton = choice.Placement == FlagPlacement.AlwaysCloexec ? CallSkeleton.AlwaysCloexec : CallSkeleton.ForkLocked;
        bool dontWait = choice.Blocking?.Shape == WaitShape.DontWaitFlag;
        FlagArgumentPlan? flagArgument = choice.FlagArgumentIndex >= 0 && FlagArgumentPlanner.Of(choice.Placement) is { } planner
            ? planner.Plan(context, choice.FlagArgumentIndex, choice.Flag, dontWait)
            : null;
        NativeTarget target = context.Target;
        ImportPlan? import = context.Wraps ? null : new ImportPlan(target.LibraryName ?? string.Empty, target.EntryPoint);
        var invoke = new InvokePlan(
            target.WrapsMethodName ?? locals.Import,
            Enumerable.Range(0, parameters.Count).Select(i => ArgumentValues.Passed(context, i)).ToEquatableArray(),
            ClearsErrorFirst: target.SetLastError && !context.Wraps,
            context.Wraps && target.WrappedSetsLastError ? LastErrorSource.PInvoke : LastErrorSource.System,
            import,
            choice.Sibling is { } sibling
                ? SiblingPlanner.Plan(sibling, choice.Way, choice.Flag, parameters.ToArray(), names.Choose($"{locals.Import}_{sibling.EntryPoint}", "_registers", "_stack"))
                : null);

        return new CallPlan(
            skeleton,
            FlagFamilies.CallerStatesInheritance(choice.Flag) ? ModeSource.CallerArgument : ModeSource.AmbientDefault,
            choice.Way.ToString(),
            HasAtomicWay: choice.Way != AtomicWay.None,
            invoke,
            flagArgument,
            choice.PassThroughWhen is { } condition ? NativeExpressions.Of(condition, ArgumentValues.Plain(context), choice.Flag) : null,
            BlockingOf(context, choice, flagArgument),
            skeleton == CallSkeleton.AlwaysCloexec ? AfterCreationPlan.Nothing : AfterCreationPlanner.SetAfter(context, choice, result),
            AfterCreationPlanner.ClearAfter(choice, skeleton),
            ConversionOf(result, context.Wraps),
            target.SetLastError,
            locals);
    }

    private static LocalNames ChooseLocals(LocalNameChooser names)
    {
        string lastError = names.Choose("__lastError");
        string retVal = names.Choose("__retVal");
        string retValNative = names.Choose("__retVal_native", "__marshaller");
        return new LocalNames(
            Mode: names.Choose("__mode"),
            Way: names.Choose("__way"),
            Atomic: names.Choose("__atomic"),
            ForkLockHeld: names.Choose("__forkLockHeld"),
            LastError: lastError,
            RetVal: retVal,
            RetValNative: retValNative,
            RetValMarshaller: retValNative + "__marshaller",
            OpenHow: names.Choose("__openHow"),
            SecurityAttributes: names.Choose("__securityAttributes"),
            CreateFile2Parameters: names.Choose("__createFile2Parameters"),
            Import: names.Choose(ImportName));
    }

    /// <summary>A call that can block on a socket: the one that retries needs the flags argument to add MSG_DONTWAIT to.</summary>
    private static BlockingPlan? BlockingOf(PlanContext context, CallChoice choice, FlagArgumentPlan? flagArgument)
    {
        if (choice.Blocking is not { } blocking)
        {
            return null;
        }

        int index = blocking.DescriptorArgument;

        // The runtime's wait takes an int, an nint or a SafeHandle.
        ArgumentValue descriptor = context.Parameters[index].Kind == MarshalKind.SafeHandle
            ? new ArgumentValue(index, ArgumentValues.Plain(context))
            : ArgumentValues.AsInt(context, index);
        return blocking.Shape switch
        {
            WaitShape.ReadableFirst => new BlockingPlan(WaitKind.ReadableFirst, descriptor, null),
            WaitShape.DontWaitFlag when flagArgument is not null => new BlockingPlan(WaitKind.RetryWithoutBlocking, descriptor, ArgumentValues.AsInt(context, flagArgument.Index)),
            _ => null,
        };
    }

    private static ReturnConversion ConversionOf(ReturnModel result, bool wraps) => result.Kind switch
    {
        ReturnKind.Typedef => ReturnConversion.Typedef,
        // The raw method returns the managed value itself.
        _ when wraps => ReturnConversion.None,
        ReturnKind.SafeHandle => ReturnConversion.SafeHandle,
        ReturnKind.BoolAsInt => ReturnConversion.BoolAsInt,
        _ => ReturnConversion.None,
    };
}
