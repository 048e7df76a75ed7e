using System.Linq;
using Cloexec.Generators.Emitting.FlagArguments;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Emitting;

/// <summary>Writes the native call: the callee (or its atomic sibling), its arguments with the flag, and the error it leaves.</summary>
internal static class InvokeEmitter
{
    public static void Write(CodeWriter writer, WrapperModel model, CallPlan plan, string result)
    {
        InvokePlan invoke = plan.Invoke;
        if (invoke.ClearsErrorFirst)
        {
            writer.Line($"{RuntimeNames.Marshal}.SetLastSystemError(0);");
        }

        writer.Line($"{result} = {CallExpression(model, plan)};");
        string readError = invoke.LastError == LastErrorSource.PInvoke ? "GetLastPInvokeError" : "GetLastSystemError";
        writer.Line($"{plan.Locals.LastError} = {RuntimeNames.Marshal}.{readError}();");
    }

    private static string CallExpression(WrapperModel model, CallPlan plan)
    {
        InvokePlan invoke = plan.Invoke;
        string[] arguments = invoke.Arguments
            .Select((argument, i) => plan.FlagArgument is { } flag && flag.Index == i
                ? FlagArgumentEmitter.Value(flag, model, plan.Locals)
                : Values.Of(argument, model))
            .ToArray();
        string legacy = $"{invoke.Callee}({string.Join(", ", arguments)})";
        if (invoke.Sibling is not { } sibling)
        {
            return legacy;
        }

        string siblingCall = $"{sibling.LocalName}({string.Join(", ", sibling.Arguments.Select(a => Values.Of(a, model)))})";
        return $"{plan.Locals.Atomic} ? {siblingCall} : {legacy}";
    }
}
