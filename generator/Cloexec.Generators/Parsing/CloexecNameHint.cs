using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Parsing;

/// <summary>
/// A refused bool or bool? named like the close-on-exec choice (closeOnExec, cloExec, inherit...) was most likely meant
/// as the <c>cloexec</c> parameter, which is never passed to native code: CLOEXEC0006 then asks.
/// </summary>
internal static class CloexecNameHint
{
    // Compared without case or underscores. An inheritance argument of the native function (bInheritHandle) is not here:
    // it is a real argument, and its refusal asks for its size.
    private static readonly string[] s_sameMeaning = ["cloexec", "closeonexec", "closeexec", "ocloexec", "fdcloexec", "noinherit", "noninheritable", "notinheritable"];
    private static readonly string[] s_oppositeMeaning = ["inherit", "inheritable", "isinheritable"];

    /// <summary>The refusal with the question instead, where the parameter looks like a misnamed <c>cloexec</c>.</summary>
    public static string Refine(string refusal, IParameterSymbol parameter, bool hasCloexecParameter)
    {
        bool plainBool = parameter.Type.SpecialType == SpecialType.System_Boolean;
        if (hasCloexecParameter || parameter.RefKind != RefKind.None || !(plainBool || ParametersReader.IsNullableBoolean(parameter.Type)))
        {
            return refusal;
        }

        string name = parameter.Name.Replace("_", string.Empty).ToLowerInvariant();
        bool opposite = s_oppositeMeaning.Contains(name);
        if (!opposite && !s_sameMeaning.Contains(name))
        {
            return refusal;
        }

        return ": did you mean 'cloexec'? Only a parameter named exactly 'cloexec' (bool or bool?) chooses, and it never reaches native code: "
            + "true makes the new descriptors close-on-exec, false inheritable, null takes the ambient default"
            + (opposite ? " (the opposite of inherit: 'inherit: true' is 'cloexec: false')" : string.Empty)
            + "; rename it 'cloexec'"
            + (plainBool ? ", or, if it is an argument of the native function, give it its size with [MarshalAs(UnmanagedType.Bool)] or [MarshalAs(UnmanagedType.U1)]" : string.Empty);
    }
}
