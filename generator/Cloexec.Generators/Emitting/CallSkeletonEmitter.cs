using Cloexec.Generators.Emitting.FlagArguments;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Emitting;

/// <summary>
/// Writes the frame of the call: resolve the mode, try the atomic way, fall back when the kernel refuses it, set the
/// flag after creation where no atomic way was taken. Every number comes from the runtime by name.
/// </summary>
internal static class CallSkeletonEmitter
{
    private const string Runtime = RuntimeNames.Runtime;

    public static void Write(CodeWriter writer, WrapperModel model, CallPlan plan, string result)
    {
        LocalNames locals = plan.Locals;
        string resolve = plan.ModeSource == ModeSource.CallerArgument ? "ResolveModeOverArgument" : "ResolveMode";
        writer.Line($"{RuntimeNames.CloexecMode} {locals.Mode} = {Runtime}.{resolve}({model.CloexecParameterName ?? "null"});");
        if (plan.Skeleton == CallSkeleton.AlwaysCloexec)
        {
            WriteAlwaysCloexec(writer, model, plan, result);
            return;
        }

        // The runtime calls of both paths name the way: written once.
        string way = locals.Way;
        if (plan.HasAtomicWay || plan.AfterCreation.Action != AfterCreationAction.None)
        {
            writer.Line($"const {RuntimeNames.AtomicWay} {way} = {RuntimeNames.AtomicWay}.{plan.Way};");
        }

        if (plan.FlagArgument is { } flag)
        {
            FlagArgumentEmitter.WriteLocals(writer, flag, model, locals);
        }

        if (plan.PassThroughWhen is { } passThrough)
        {
            WritePassThrough(writer, model, passThrough, locals, "// No new descriptor comes of the call here, or it must keep its own error: make it as declared.");
        }

        string atomic = "false";
        if (plan.HasAtomicWay)
        {
            writer.Line($"bool {locals.Atomic} = {Runtime}.UseAtomic({locals.Mode}, {way});");
            atomic = locals.Atomic;
        }

        // The fallback path holds ForkLock's shared side from creation until the flag is set.
        writer.Line($"bool {locals.ForkLockHeld} = {EnterFallback(model, plan, atomic)};");
        writer.Open("try");
        bool retries = plan.Blocking?.Kind == WaitKind.RetryWithoutBlocking;
        if (plan.HasAtomicWay || retries)
        {
            // At most two rounds: the second only when the kernel refuses the atomic way (an old kernel); a call that
            // would have blocked under the lock goes round again once its socket is ready.
            writer.Open("while (true)");
            InvokeEmitter.Write(writer, model, plan, result);
            if (retries)
            {
                string fd = Values.Of(plan.Blocking!.Descriptor, model);
                string callerFlags = Values.Of(plan.Blocking.CallerFlags!, model);
                writer.Open($"if ({Runtime}.WaitAgain(ref {locals.ForkLockHeld}, {fd}, {callerFlags}, {result}, {locals.LastError}))");
                writer.Line("continue;");
                writer.Close();
            }

            if (plan.HasAtomicWay)
            {
                writer.Open($"if (!{locals.Atomic} || {Runtime}.ConfirmAtomic({way}, ref {result}, ref {locals.LastError}))");
                writer.Line("break;");
                writer.Close();
                writer.Line($"{locals.Atomic} = false;");
                writer.Line($"{locals.ForkLockHeld} = {EnterFallback(model, plan, locals.Atomic)};");
            }
            else
            {
                writer.Line("break;");
            }

            writer.Close();
        }
        else
        {
            InvokeEmitter.Write(writer, model, plan, result);
        }

        if (plan.AfterCreation.Action != AfterCreationAction.None)
        {
            string set = $"{locals.Mode} == {RuntimeNames.CloexecMode}.Set";
            writer.Open(plan.HasAtomicWay ? $"if (!{locals.Atomic} && {set})" : $"if ({set})");
            AfterCreationEmitter.Write(writer, model, plan, way, result);
            writer.Close();
        }

        WriteClearAfter(writer, plan, result);
        writer.Close();
        writer.Open("finally");
        writer.Line($"{Runtime}.ExitFallback({locals.ForkLockHeld});");
        writer.Close();
    }

    /// <summary>Takes the lock on the fallback path; a call that cannot be told not to block first waits for its socket.</summary>
    private static string EnterFallback(WrapperModel model, CallPlan plan, string atomic) =>
        plan.Blocking is { Kind: WaitKind.ReadableFirst } blocking
            ? $"{Runtime}.EnterFallbackWhenReadable({plan.Locals.Mode}, {atomic}, {Values.Of(blocking.Descriptor, model)})"
            : $"{Runtime}.EnterFallback({plan.Locals.Mode}, {atomic})";

    /// <summary>
    /// A call that makes its descriptors close-on-exec by itself: made as declared, without ForkLock (a concurrent
    /// fork+exec cannot inherit what is close-on-exec from birth); <c>cloexec: false</c> clears the flag afterwards.
    /// </summary>
    private static void WriteAlwaysCloexec(CodeWriter writer, WrapperModel model, CallPlan plan, string result)
    {
        if (plan.PassThroughWhen is { } passThrough)
        {
            WritePassThrough(writer, model, passThrough, plan.Locals, "// No new descriptor comes of the call here: make it as declared.");
        }

        InvokeEmitter.Write(writer, model, plan, result);
        WriteClearAfter(writer, plan, result);
    }

    private static void WritePassThrough(CodeWriter writer, WrapperModel model, NativeExpression condition, LocalNames locals, string why)
    {
        writer.Open($"if ({Values.Of(condition, model)})");
        writer.Line(why);
        writer.Line($"{locals.Mode} = {RuntimeNames.CloexecMode}.PassThrough;");
        writer.Close();
    }

    private static void WriteClearAfter(CodeWriter writer, CallPlan plan, string result)
    {
        if (plan.ClearAfter == ClearAfterAction.None)
        {
            return;
        }

        writer.Open($"if ({plan.Locals.Mode} == {RuntimeNames.CloexecMode}.Clear)");
        string call = plan.ClearAfter switch
        {
            ClearAfterAction.ClearAfterOpenDirectory => "ClearAfterOpenDirectory",
            ClearAfterAction.ClearAfterOpenStream => "ClearAfterOpenStream",
            _ => "ClearAfterCreate",
        };
        if (plan.ClearAfter == ClearAfterAction.ClearAfterOpenStream)
        {
            writer.Line("// The stream may keep the 'e' of its first open: clear the flag the call may have kept.");
        }

        writer.Line($"{Runtime}.{call}(ref {result}, ref {plan.Locals.LastError});");
        writer.Close();
    }
}
