using System.Linq;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Emitting;

/// <summary>Writes the values the planner described: a parameter in the form asked, an expression part by part.</summary>
internal static class Values
{
    public static string Of(ArgumentValue value, WrapperModel model)
    {
        ParameterModel parameter = model.Parameters[value.Parameter];
        string text = value.Form switch
        {
            ValueForm.Native => Marshalling.NativeValue(parameter),
            ValueForm.Managed => parameter.Name,
            _ => WithRefKind(parameter),
        };
        return value.AsInt ? $"unchecked((int){text})" : text;
    }

    public static string Of(NativeExpression expression, WrapperModel model) =>
        string.Concat(expression.Parts.Select(part => part.Kind switch
        {
            ExpressionPartKind.Argument => Of(part.Argument!, model),
            ExpressionPartKind.FlagValue => $"{RuntimeNames.FlagValues}.{part.Text}",
            _ => part.Text,
        }));

    /// <summary>An argument to the user's raw method, passed the way the wrapper received it.</summary>
    private static string WithRefKind(ParameterModel parameter) => WithRefKind(parameter.Direction, parameter.Name);

    /// <summary><paramref name="name"/> passed to the user's raw method as a parameter of <paramref name="direction"/> is.</summary>
    public static string WithRefKind(ParameterDirection direction, string name) => direction switch
    {
        ParameterDirection.Ref => "ref " + name,
        ParameterDirection.Out => "out " + name,
        ParameterDirection.ReadOnlyRef => "in " + name,
        _ => name,
    };
}
