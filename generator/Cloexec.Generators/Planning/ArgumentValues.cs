using Cloexec.Generators.Model;

namespace Cloexec.Generators.Planning;

/// <summary>How the caller's values are written: marshalled for the wrapper's own import, as received for a raw method.</summary>
internal static class ArgumentValues
{
    /// <summary>The form of a value read by the wrapper or the runtime.</summary>
    public static ValueForm Plain(PlanContext context) => context.Wraps ? ValueForm.Managed : ValueForm.Native;

    /// <summary>Argument <paramref name="index"/> of the call, as the callee takes it.</summary>
    public static ArgumentValue Passed(PlanContext context, int index) =>
        new(index, context.Wraps ? ValueForm.ManagedWithRefKind : ValueForm.Native);

    /// <summary>An integer argument's value as the caller passed it, as an int.</summary>
    public static ArgumentValue AsInt(PlanContext context, int index)
    {
        ParameterModel parameter = context.Parameters[index];
        string type = context.Wraps ? parameter.ManagedType : parameter.NativeType;
        return new ArgumentValue(index, Plain(context), AsInt: type != "int");
    }
}
