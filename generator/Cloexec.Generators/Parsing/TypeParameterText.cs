using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Parsing;

/// <summary>
/// Type parameters and constraints written back as C#. Only stubs need them (a generic [CreatesDescriptor] method is an
/// error), but a partial method's two parts must agree on both, or the stub itself would add errors.
/// </summary>
internal static class TypeParameterText
{
    /// <summary><c>&lt;T, U&gt;</c>, or nothing.</summary>
    public static string ListOf(IEnumerable<ITypeParameterSymbol> typeParameters)
    {
        string[] names = typeParameters.Select(t => TypeNames.Identifier(t.Name)).ToArray();
        return names.Length == 0 ? string.Empty : "<" + string.Join(", ", names) + ">";
    }

    /// <summary>One <c>where T : ...</c> clause per constrained type parameter, in C#'s required order.</summary>
    public static IEnumerable<string> ConstraintsOf(IMethodSymbol method)
    {
        foreach (ITypeParameterSymbol parameter in method.TypeParameters)
        {
            var parts = new List<string>();
            if (parameter.HasUnmanagedTypeConstraint)
            {
                parts.Add("unmanaged");
            }
            else if (parameter.HasValueTypeConstraint)
            {
                parts.Add("struct");
            }
            else if (parameter.HasReferenceTypeConstraint)
            {
                parts.Add(parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
            }
            else if (parameter.HasNotNullConstraint)
            {
                parts.Add("notnull");
            }

            parts.AddRange(parameter.ConstraintTypes.Select(TypeNames.FullyQualified));
            if (parameter.HasConstructorConstraint)
            {
                parts.Add("new()");
            }

            if (parameter.AllowsRefLikeType)
            {
                parts.Add("allows ref struct");
            }

            if (parts.Count > 0)
            {
                yield return $"where {TypeNames.Identifier(parameter.Name)} : {string.Join(", ", parts)}";
            }
        }
    }
}
