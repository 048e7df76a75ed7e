using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Cloexec.Generators.Emitting;

/// <summary>
/// Writes the heart of a wrapper: resolve the mode, try the atomic way, fall back when the kernel refuses it,
/// set the flag after creation where no atomic way was taken. Every number comes from the runtime by name.
/// </summary>
internal static class CloexecCallEmitter
{
    private const string Runtime = "global::Cloexec.Interop.DescriptorRuntime";
    private const string FlagValues = "global::Cloexec.Interop.CloexecFlagValues";
    private const string Marshal = "global::System.Runtime.InteropServices.Marshal";
    private const string ImportName = "__PInvoke";

    /// <summary>The integer argument registers of the C convention where variadic arguments go on the stack (Apple arm64: x0-x7).</summary>
    private const int ArgumentRegisters = 8;

    public static void WriteCall(CodeWriter writer, WrapperModel model, string result)
    {
        CallPlan plan = model.Plan;
        string way = "global::Cloexec.Interop.AtomicWay." + plan.Way;
        string cloexec = model.CloexecParameterName ?? "null";

        writer.Line($"global::Cloexec.Interop.CloexecMode __mode = {Runtime}.ResolveMode({cloexec});");
        if (plan.Placement == FlagPlacement.AlwaysCloexec)
        {
            WriteAlwaysCloexecCall(writer, model, result);
            return;
        }

        if (plan.Placement == FlagPlacement.StructCopy && plan.FlagArgumentIndex >= 0 && plan.Flag == CloexecFlag.Open)
        {
            writer.Line("// The caller's struct open_how is never written: the call gets this copy, with O_CLOEXEC in its flags.");
            writer.Line("global::Cloexec.Interop.OpenHowStorage __openHow;");
        }
        else if (plan.Placement is FlagPlacement.StructCopy or FlagPlacement.NestedStructCopy && plan.FlagArgumentIndex >= 0)
        {
            writer.Line("// The caller's SECURITY_ATTRIBUTES is never written: the call gets this copy, with bInheritHandle set.");
            writer.Line("global::Cloexec.Interop.SecurityAttributes __securityAttributes;");
        }

        if (plan.Placement == FlagPlacement.NestedStructCopy && plan.FlagArgumentIndex >= 0)
        {
            writer.Line("// Nor the caller's CREATEFILE2_EXTENDED_PARAMETERS: the call gets this copy, pointing to the one above.");
            writer.Line("global::Cloexec.Interop.CreateFile2Parameters __createFile2Parameters;");
        }
        if (plan.PassThroughWhen is { } passThrough)
        {
            writer.Open($"if ({Fill(passThrough, model)})");
            writer.Line("// No new descriptor comes of the call here, or it must keep its own error: make it as declared.");
            writer.Line("__mode = global::Cloexec.Interop.CloexecMode.PassThrough;");
            writer.Close();
        }

        string atomic = "false";
        if (plan.HasAtomicWay)
        {
            writer.Line($"bool __atomic = {Runtime}.UseAtomic(__mode, {way});");
            atomic = "__atomic";
        }

        // The fallback path holds ForkLock's shared side from creation until the flag is set.
        writer.Line($"bool __forkLockHeld = {EnterFallback(model, atomic)};");
        writer.Open("try");
        bool retriesWithoutBlocking = plan.Blocking?.Shape == WaitShape.DontWaitFlag && plan.FlagArgumentIndex >= 0;
        if (plan.HasAtomicWay || retriesWithoutBlocking)
        {
            // At most two rounds: the second only when the kernel refuses the atomic way (an old kernel); a call that
            // would have blocked under the lock goes round again once its socket is ready.
            writer.Open("while (true)");
            WriteInvoke(writer, model, result);
            if (retriesWithoutBlocking)
            {
                string fd = BlockingDescriptor(model);
                string callerFlags = AsInt(model, plan.FlagArgumentIndex);
                writer.Open($"if ({Runtime}.WaitAgain(ref __forkLockHeld, {fd}, {callerFlags}, {result}, __lastError))");
                writer.Line("continue;");
                writer.Close();
            }

            if (plan.HasAtomicWay)
            {
                writer.Open($"if (!__atomic || {Runtime}.ConfirmAtomic({way}, ref {result}, ref __lastError))");
                writer.Line("break;");
                writer.Close();
                writer.Line("__atomic = false;");
                writer.Line($"__forkLockHeld = {EnterFallback(model, "__atomic")};");
            }
            else
            {
                writer.Line("break;");
            }

            writer.Close();
        }
        else
        {
            WriteInvoke(writer, model, result);
        }

        // Handles that come back through out arguments had their inheritance decided by an argument of the call.
        if (plan.Output != DescriptorOutput.OutArguments)
        {
            writer.Open(plan.HasAtomicWay ? "if (!__atomic && __mode == global::Cloexec.Interop.CloexecMode.Set)" : "if (__mode == global::Cloexec.Interop.CloexecMode.Set)");
            WriteSetAfter(writer, model, way, result);
            writer.Close();
        }

        if (plan.Output == DescriptorOutput.ReopenedStream)
        {
            writer.Open("if (__mode == global::Cloexec.Interop.CloexecMode.Clear)");
            writer.Line("// The stream may keep the 'e' of its first open: clear the flag the call may have kept.");
            writer.Line($"{Runtime}.ClearAfterOpenStream(ref {result}, ref __lastError);");
            writer.Close();
        }

        writer.Close();
        writer.Open("finally");
        writer.Line($"{Runtime}.ExitFallback(__forkLockHeld);");
        writer.Close();
    }

    /// <summary>Takes the lock on the fallback path; a call that cannot be told not to block first waits for its socket.</summary>
    private static string EnterFallback(WrapperModel model, string atomic) =>
        model.Plan.Blocking?.Shape == WaitShape.ReadableFirst
            ? $"{Runtime}.EnterFallbackWhenReadable(__mode, {atomic}, {BlockingDescriptor(model)})"
            : $"{Runtime}.EnterFallback(__mode, {atomic})";

    /// <summary>The descriptor a blocking call waits on, as the runtime's int, nint or SafeHandle overloads take it.</summary>
    private static string BlockingDescriptor(WrapperModel model)
    {
        ParameterModel parameter = model.Parameters[model.Plan.Blocking!.DescriptorArgument];
        bool wraps = model.Target.WrapsMethodName is not null;
        if (parameter.Kind == MarshalKind.SafeHandle)
        {
            return wraps ? parameter.Name : Marshalling.NativeValue(parameter);
        }

        return AsInt(model, model.Plan.Blocking.DescriptorArgument);
    }

    /// <summary>An integer argument's value as the caller passed it, as an int.</summary>
    private static string AsInt(WrapperModel model, int index)
    {
        ParameterModel parameter = model.Parameters[index];
        bool wraps = model.Target.WrapsMethodName is not null;
        string value = wraps ? parameter.Name : Marshalling.NativeValue(parameter);
        string type = wraps ? parameter.ManagedType : parameter.NativeType;
        return type == "int" ? value : $"unchecked((int){value})";
    }

    /// <summary>
    /// A call that makes its descriptors close-on-exec by itself: made as declared, without ForkLock (a concurrent
    /// fork+exec cannot inherit what is close-on-exec from birth); <c>cloexec: false</c> clears the flag afterwards.
    /// </summary>
    private static void WriteAlwaysCloexecCall(CodeWriter writer, WrapperModel model, string result)
    {
        if (model.Plan.PassThroughWhen is { } passThrough)
        {
            writer.Open($"if ({Fill(passThrough, model)})");
            writer.Line("// No new descriptor comes of the call here: make it as declared.");
            writer.Line("__mode = global::Cloexec.Interop.CloexecMode.PassThrough;");
            writer.Close();
        }

        WriteInvoke(writer, model, result);
        writer.Open("if (__mode == global::Cloexec.Interop.CloexecMode.Clear)");
        string call = model.Plan.Output == DescriptorOutput.Directory ? "ClearAfterOpenDirectory" : "ClearAfterCreate";
        writer.Line($"{Runtime}.{call}(ref {result}, ref __lastError);");
        writer.Close();
    }

    private static void WriteInvoke(CodeWriter writer, WrapperModel model, string result)
    {
        bool wraps = model.Target.WrapsMethodName is not null;
        if (model.Target.SetLastError && !wraps)
        {
            writer.Line($"{Marshal}.SetLastSystemError(0);");
        }

        writer.Line($"{result} = {CallExpression(model)};");
        string readError = wraps && model.Target.WrappedSetsLastError ? "GetLastPInvokeError" : "GetLastSystemError";
        writer.Line($"__lastError = {Marshal}.{readError}();");
    }

    private static string CallExpression(WrapperModel model)
    {
        string[] arguments = Enumerable.Range(0, model.Parameters.Count).Select(i => ArgumentValue(model, i)).ToArray();
        string function = model.Target.WrapsMethodName ?? ImportName;
        string legacy = $"{function}({string.Join(", ", arguments)})";
        if (model.Plan.Upgrade is not { } upgrade)
        {
            return legacy;
        }

        string sibling = $"{SiblingName(upgrade)}({string.Join(", ", upgrade.Arguments.Select(a => Fill(a, model)))})";
        return $"__atomic ? {sibling} : {legacy}";
    }

    /// <summary>Native argument <paramref name="index"/> as the call passes it, without any flag.</summary>
    private static string ArgumentText(WrapperModel model, int index) =>
        model.Target.WrapsMethodName is null ? Marshalling.NativeValue(model.Parameters[index]) : model.Parameters[index].Name;

    /// <summary>The value of native argument <paramref name="index"/>, with the flag applied to the flags argument.</summary>
    private static string ArgumentValue(WrapperModel model, int index)
    {
        ParameterModel parameter = model.Parameters[index];
        string value = model.Target.WrapsMethodName is null ? Marshalling.NativeValue(parameter) : WrappedArgument(parameter);
        if (index != model.Plan.FlagArgumentIndex)
        {
            return value;
        }

        string type = model.Target.WrapsMethodName is null ? parameter.NativeType : parameter.ManagedType;
        switch (model.Plan.Placement)
        {
            case FlagPlacement.StructCopy when model.Plan.Flag == CloexecFlag.Open:
                // openat2(dirfd, path, how, size): the struct's size is the argument after it.
                return $"({type}){Runtime}.ApplyOpenHow((void*){value}, (nuint){ArgumentText(model, index + 1)}, &__openHow, __mode, __atomic)";
            case FlagPlacement.StructCopy:
                return $"({type}){Runtime}.ApplySecurityAttributes((void*){value}, &__securityAttributes, __mode)";
            case FlagPlacement.NestedStructCopy:
                return $"({type}){Runtime}.ApplyCreateFile2Parameters((void*){value}, &__createFile2Parameters, &__securityAttributes, __mode)";
            case FlagPlacement.InheritBool when type == "bool":
                return $"({Runtime}.ApplyInheritArgument({value} ? 1 : 0, __mode) != 0)";
            case FlagPlacement.ModeString:
                return $"{Runtime}.ApplyModeString({value}, __mode, __atomic)";
            case FlagPlacement.InheritBool:
                return type == "int"
                    ? $"{Runtime}.ApplyInheritArgument({value}, __mode)"
                    : $"unchecked(({type}){Runtime}.ApplyInheritArgument(unchecked((int){value}), __mode))";
        }

        string flag = $"{FlagValues}.{model.Plan.Flag}";
        if (type is "long" or "ulong" or "nint" or "nuint")
        {
            // A C long (FlagPlacement.WideBits): or-ed in 64 bits, so that the caller's upper bits pass through.
            return $"unchecked(({type}){Runtime}.ApplyFlag(unchecked((long){value}), {flag}, __mode, __atomic))";
        }

        string bits = type == "int" ? value : $"unchecked((int){value})";
        if (model.Plan.Blocking?.Shape == WaitShape.DontWaitFlag)
        {
            // Under the fork lock the call must not block: it gets MSG_DONTWAIT while the lock is held.
            bits = $"{Runtime}.DontWaitWhileHeld({bits}, __forkLockHeld)";
        }

        return type == "int"
            ? $"{Runtime}.ApplyFlag({bits}, {flag}, __mode, __atomic)"
            : $"unchecked(({type}){Runtime}.ApplyFlag({bits}, {flag}, __mode, __atomic))";
    }

    /// <summary>An argument to the user's raw method, passed the way the wrapper received it.</summary>
    private static string WrappedArgument(ParameterModel parameter) => parameter.Direction switch
    {
        ParameterDirection.Ref => "ref " + parameter.Name,
        ParameterDirection.Out => "out " + parameter.Name,
        ParameterDirection.ReadOnlyRef => "in " + parameter.Name,
        _ => parameter.Name,
    };

    /// <summary>Expands a knowledge-table template: <c>{n}</c> legacy arguments, <c>{flag}</c>, runtime constants.</summary>
    private static string Fill(string template, WrapperModel model)
    {
        string text = template.Replace(EntryPointTable.FlagPlaceholder, $"{FlagValues}.{model.Plan.Flag}");
        text = Regex.Replace(text, @"\{CloexecFlagValues\.(\w+)\}", FlagValues + ".$1");
        return Regex.Replace(text, @"\{(\d+)\}", match =>
        {
            ParameterModel parameter = model.Parameters[int.Parse(match.Groups[1].Value)];
            return model.Target.WrapsMethodName is null ? Marshalling.NativeValue(parameter) : parameter.Name;
        });
    }

    private static bool ReturnsWrappedSafeHandle(WrapperModel model) =>
        model.Target.WrapsMethodName is not null && model.Return.Kind == ReturnKind.SafeHandle;

    private static void WriteSetAfter(CodeWriter writer, WrapperModel model, string way, string result)
    {
        CallPlan plan = model.Plan;
        if (plan.Output == DescriptorOutput.ReturnValue)
        {
            // A SafeHandle over a raw import is closed by disposing it; a bare SOCKET needs closesocket.
            bool socket = plan.Resource == NativeResource.Socket && !ReturnsWrappedSafeHandle(model);
            writer.Line($"{Runtime}.{(socket ? "SetAfterCreateSocket" : "SetAfterCreate")}({way}, {CrtArgument(plan)}ref {result}, ref __lastError);");
            return;
        }

        if (plan.Output == DescriptorOutput.HandleOrNull)
        {
            // A SafeHandle over a raw import is closed by disposing it; a bare HANDLE goes back to NULL if it fails.
            writer.Line(ReturnsWrappedSafeHandle(model)
                ? $"{Runtime}.SetAfterCreate({way}, ref {result}, ref __lastError);"
                : $"{Runtime}.SetAfterCreateHandle({way}, ref {result}, 0, ref __lastError);");
            return;
        }

        if (plan.Output is DescriptorOutput.Stream or DescriptorOutput.ReopenedStream or DescriptorOutput.ProcessStream)
        {
            string stream = plan.Output == DescriptorOutput.ProcessStream ? "SetAfterOpenProcessStream" : "SetAfterOpenStream";
            writer.Line($"{Runtime}.{stream}({way}, ref {result}, ref __lastError);");
            return;
        }

        if (plan.Output == DescriptorOutput.TwoOutPointers)
        {
            WriteSetAfterTwoPointers(writer, model, way, result);
            return;
        }

        ParameterModel output = model.Parameters[plan.OutputArgumentIndex];
        string pointerType = plan.Output is DescriptorOutput.Pair or DescriptorOutput.OutDescriptor ? "int*" : "void*";
        string call = plan.Output switch
        {
            DescriptorOutput.Pair => "SetAfterCreatePair",
            DescriptorOutput.ReceivedRightsMessages => "SetAfterReceiveMessages",
            DescriptorOutput.OutDescriptor => "SetAfterCreateOut",
            _ => "SetAfterReceive",
        };

        // A wrapper's own import already has the argument pinned; a wrapper over a raw method pins it here.
        string? pin = model.Target.WrapsMethodName is null ? null : Marshalling.Pin(output);
        string pointer = model.Target.WrapsMethodName is null ? Marshalling.NativeValue(output)
            : pin is null ? output.Name
            : Marshalling.NativeName(output);
        if (pin is not null)
        {
            writer.Open(pin);
        }

        writer.Line($"{Runtime}.{call}({way}, {CrtArgument(plan)}ref {result}, ({pointerType}){pointer}, ref __lastError);");
        if (pin is not null)
        {
            writer.Close();
        }
    }

    private static void WriteSetAfterTwoPointers(CodeWriter writer, WrapperModel model, string way, string result)
    {
        ParameterModel[] outputs = [model.Parameters[model.Plan.OutputArgumentIndex], model.Parameters[model.Plan.OutputArgumentIndex + 1]];
        bool wraps = model.Target.WrapsMethodName is not null;
        string[] pins = wraps ? outputs.Select(Marshalling.Pin).OfType<string>().ToArray() : [];
        foreach (string pin in pins)
        {
            writer.Open(pin);
        }

        string[] pointers = outputs.Select(output => !wraps ? Marshalling.NativeValue(output)
            : Marshalling.Pin(output) is null ? output.Name
            : Marshalling.NativeName(output)).ToArray();
        writer.Line($"{Runtime}.SetAfterCreateBoth({way}, ref {result}, (int*){pointers[0]}, (int*){pointers[1]}, ref __lastError);");
        foreach (string _ in pins)
        {
            writer.Close();
        }
    }

    /// <summary>Descriptors of msvcrt.dll are not ucrtbase's: the runtime is told which CRT made them.</summary>
    /// <remarks>_sopen_s's runtime call always names its CRT; the others name only msvcrt's.</remarks>
    private static string CrtArgument(CallPlan plan) =>
        plan.Resource == NativeResource.MsvcrtDescriptor ? "global::Cloexec.Interop.CrtLibrary.Msvcrt, "
        : plan.Output == DescriptorOutput.OutDescriptor ? "global::Cloexec.Interop.CrtLibrary.Ucrt, "
        : string.Empty;

    public static void WriteImports(CodeWriter writer, WrapperModel model)
    {
        IEnumerable<string> parameters = model.Parameters.Select(p => $"{p.NativeType} {Marshalling.NativeName(p)}");
        writer.Line();
        WriteImport(writer, model, model.Target.EntryPoint, ImportName, parameters);
        if (model.Plan.Upgrade is { } upgrade)
        {
            writer.Line();
            WriteSibling(writer, model, upgrade);
        }
    }

    /// <summary>
    /// The sibling: at the address the runtime found when it is its way's own function, else through an import; a
    /// variadic one in two forms, the Apple arm64 one passing its variadic arguments on the stack.
    /// </summary>
    private static void WriteSibling(CodeWriter writer, WrapperModel model, UpgradePlan upgrade)
    {
        string name = SiblingName(upgrade);
        string returnType = model.Return.NativeType;
        string[] types = upgrade.ArgumentTypes.ToArray();
        string[] arguments = types.Select((_, i) => $"__arg{i}").ToArray();
        string parameters = string.Join(", ", types.Select((type, i) => $"{type} {arguments[i]}"));
        int first = upgrade.VariadicFrom;
        bool variadic = first >= 0 && first < types.Length && first <= ArgumentRegisters;

        // On the stack: the fixed arguments, zeros for the argument registers left, then each variadic argument as an nint.
        string[] stackTypes = variadic
            ? types.Take(first).Concat(Enumerable.Repeat("nint", ArgumentRegisters - first)).Concat(types.Skip(first).Select(_ => "nint")).ToArray()
            : [];
        string stackArguments = string.Join(", ", arguments.Take(first).Concat(Enumerable.Repeat("0", variadic ? ArgumentRegisters - first : 0)).Concat(arguments.Skip(first).Select(a => $"(nint){a}")));
        string registerArguments = string.Join(", ", arguments);
        const string OnStack = "global::Cloexec.Interop.AtomicFunctions.VariadicArgumentsOnStack";

        if (!upgrade.CallsFoundFunction)
        {
            WriteImport(writer, model, upgrade.EntryPoint, variadic ? name + "_registers" : name, types.Select((type, i) => $"{type} {arguments[i]}"));
            if (variadic)
            {
                writer.Line();
                WriteImport(writer, model, upgrade.EntryPoint, name + "_stack", stackTypes.Select((type, i) => $"{type} __arg{i}"));
                writer.Line();
                writer.Line($"// {upgrade.EntryPoint} is variadic from argument {first}: on Apple arm64 those go on the stack, after the eight argument registers.");
                writer.Line($"static unsafe {returnType} {name}({parameters}) => {OnStack} ? {name}_stack({stackArguments}) : {name}_registers({registerArguments});");
            }

            return;
        }

        string function = $"global::Cloexec.Interop.AtomicFunctions.Of(global::Cloexec.Interop.AtomicWay.{model.Plan.Way})";
        string Pointer(IEnumerable<string> argumentTypes) => $"((delegate* unmanaged<{string.Join(", ", argumentTypes.Concat([returnType]))}>){function})";
        writer.Line($"// {upgrade.EntryPoint}, where the runtime found it in the C library: the wrapper never calls it where the library lacks it.");
        writer.Line("[global::System.Runtime.CompilerServices.MethodImplAttribute(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        if (variadic)
        {
            writer.Line($"// Variadic from argument {first}: on Apple arm64 those go on the stack, after the eight argument registers.");
            writer.Line($"static unsafe {returnType} {name}({parameters}) => {OnStack}");
            writer.Line($"    ? {Pointer(stackTypes)}({stackArguments})");
            writer.Line($"    : {Pointer(types)}({registerArguments});");
            return;
        }

        writer.Line($"static unsafe {returnType} {name}({parameters}) => {Pointer(types)}({registerArguments});");
    }

    private static void WriteImport(CodeWriter writer, WrapperModel model, string entryPoint, string name, IEnumerable<string> parameters)
    {
        string library = SymbolDisplay.FormatLiteral(model.Target.LibraryName ?? string.Empty, quote: true);
        string entry = SymbolDisplay.FormatLiteral(entryPoint, quote: true);
        writer.Line($"[global::System.Runtime.InteropServices.DllImportAttribute({library}, EntryPoint = {entry}, ExactSpelling = true)]");
        writer.Line($"static extern unsafe {model.Return.NativeType} {name}({string.Join(", ", parameters)});");
    }

    private static string SiblingName(UpgradePlan upgrade) => $"{ImportName}_{upgrade.EntryPoint}";
}
