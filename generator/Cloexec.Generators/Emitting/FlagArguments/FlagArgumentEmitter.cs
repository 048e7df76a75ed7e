using Cloexec.Generators.Model;

namespace Cloexec.Generators.Emitting.FlagArguments;

/// <summary>The flag's argument, written by the emitter of its kind (one next to each planner of Planning/).</summary>
internal static class FlagArgumentEmitter
{
    /// <summary>The locals the call's copy of the caller's struct lives in, before the call.</summary>
    public static void WriteLocals(CodeWriter writer, FlagArgumentPlan flag, WrapperModel model, LocalNames locals)
    {
        switch (flag.Kind)
        {
            case FlagArgumentKind.OpenHowCopy:
                OpenHowCopyEmitter.WriteLocals(writer, locals);
                break;
            case FlagArgumentKind.SecurityAttributesCopy:
                SecurityAttributesCopyEmitter.WriteLocals(writer, locals);
                break;
            case FlagArgumentKind.SecurityAttributesValueCopy:
                SecurityAttributesCopyEmitter.WriteValueCopyLocals(writer, flag, Values.Of(flag.Value, model), locals);
                break;
            case FlagArgumentKind.NestedSecurityAttributesCopy:
                SecurityAttributesCopyEmitter.WriteLocals(writer, locals);
                SecurityAttributesCopyEmitter.WriteNestedLocals(writer, locals);
                break;
        }
    }

    /// <summary>The argument's value with the flag applied.</summary>
    public static string Value(FlagArgumentPlan flag, WrapperModel model, LocalNames locals)
    {
        string value = Values.Of(flag.Value, model);
        return flag.Kind switch
        {
            FlagArgumentKind.OpenHowCopy => OpenHowCopyEmitter.Value(flag, value, Values.Of(flag.StructSize!, model), locals),
            FlagArgumentKind.SecurityAttributesCopy => SecurityAttributesCopyEmitter.Value(flag, value, locals),
            FlagArgumentKind.SecurityAttributesValueCopy => Values.WithRefKind(model.Parameters[flag.Index].Direction, locals.SecurityAttributes),
            FlagArgumentKind.NestedSecurityAttributesCopy => SecurityAttributesCopyEmitter.NestedValue(flag, value, locals),
            FlagArgumentKind.InheritBool => InheritBoolEmitter.Value(flag, value, locals),
            FlagArgumentKind.ModeString => ModeStringEmitter.Value(value, locals),
            _ => BitsEmitter.Value(flag, value, locals),
        };
    }
}
