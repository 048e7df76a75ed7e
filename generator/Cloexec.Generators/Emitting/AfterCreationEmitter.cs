using System.Linq;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Emitting;

/// <summary>Writes the runtime call that sets the flag after creation, as the planner chose it for the output's kind.</summary>
internal static class AfterCreationEmitter
{
    public static void Write(CodeWriter writer, WrapperModel model, CallPlan plan, string way, string result)
    {
        AfterCreationPlan after = plan.AfterCreation;
        string lastError = plan.Locals.LastError;
        string crt = after.Crt switch
        {
            CrtLibrary.Msvcrt => $"{RuntimeNames.CrtLibrary}.Msvcrt, ",
            CrtLibrary.Ucrt => $"{RuntimeNames.CrtLibrary}.Ucrt, ",
            _ => string.Empty,
        };

        // A raw method's arguments are not pinned by the wrapper: pinned here for the runtime call.
        string[] pins = after.Outputs.Where(o => o.PinHere).Select(o => Marshalling.Pin(model.Parameters[o.Parameter])).OfType<string>().ToArray();
        foreach (string pin in pins)
        {
            writer.Open(pin);
        }

        string pointers = string.Concat(after.Outputs.Select(output => $"{Cast(model, output)}{Pointer(model, output)}, "));
        string arguments = after.Action switch
        {
            AfterCreationAction.SetAfterCreateHandle => $"ref {result}, 0, ref {lastError}",
            _ => $"{crt}ref {result}, {pointers}ref {lastError}",
        };
        writer.Line($"{RuntimeNames.Runtime}.{NameOf(after.Action)}({way}, {arguments});");
        foreach (string _ in pins)
        {
            writer.Close();
        }
    }

    // A descriptor passed by value (_dup2's) is usually declared as the int the runtime takes.
    private static string Cast(WrapperModel model, OutputPointer output) =>
        !output.PinHere && model.Parameters[output.Parameter].NativeType == output.PointerType ? string.Empty : $"({output.PointerType})";

    private static string Pointer(WrapperModel model, OutputPointer output)
    {
        ParameterModel parameter = model.Parameters[output.Parameter];
        return !output.PinHere ? Marshalling.NativeValue(parameter)
            : Marshalling.Pin(parameter) is null ? parameter.Name
            : Marshalling.NativeName(parameter);
    }

    private static string NameOf(AfterCreationAction action) => action switch
    {
        AfterCreationAction.SetAfterCreateSocket => "SetAfterCreateSocket",
        AfterCreationAction.SetAfterCreateHandle => "SetAfterCreateHandle",
        AfterCreationAction.SetAfterOpenStream => "SetAfterOpenStream",
        AfterCreationAction.SetAfterOpenProcessStream => "SetAfterOpenProcessStream",
        AfterCreationAction.SetAfterCreatePair => "SetAfterCreatePair",
        AfterCreationAction.SetAfterReceive => "SetAfterReceive",
        AfterCreationAction.SetAfterReceiveMessages => "SetAfterReceiveMessages",
        AfterCreationAction.SetAfterCreateOut => "SetAfterCreateOut",
        AfterCreationAction.SetAfterCreateBoth => "SetAfterCreateBoth",
        AfterCreationAction.SetAfterDuplicateOnto => "SetAfterDuplicateOnto",
        _ => "SetAfterCreate",
    };
}
