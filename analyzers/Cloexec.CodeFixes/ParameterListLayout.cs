using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cloexec.CodeFixes;

/// <summary>Adds a parameter at the end of a parameter list in the list's own layout: one line, or one parameter a line.</summary>
internal static class ParameterListLayout
{
    public static ParameterListSyntax Append(ParameterListSyntax list, ParameterSyntax added)
    {
        SeparatedSyntaxList<ParameterSyntax> parameters = list.Parameters;
        if (parameters.Count == 0)
        {
            return list.WithParameters(SyntaxFactory.SingletonSeparatedList(added));
        }

        ParameterSyntax last = parameters[parameters.Count - 1];
        SyntaxTriviaList afterComma;
        SyntaxTriviaList beforeAdded;
        if (parameters.SeparatorCount > 0)
        {
            // The list's own rhythm: what follows its last comma, and how its last parameter is indented.
            afterComma = parameters.GetSeparator(parameters.SeparatorCount - 1).TrailingTrivia;
            beforeAdded = last.GetLeadingTrivia();
        }
        else if (list.OpenParenToken.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia))
        {
            afterComma = list.OpenParenToken.TrailingTrivia;
            beforeAdded = last.GetLeadingTrivia();
        }
        else
        {
            afterComma = SyntaxFactory.TriviaList(SyntaxFactory.Space);
            beforeAdded = default;
        }

        // Whatever ends the last parameter (a comment, the line break before ')') now ends the added one.
        SyntaxTriviaList afterLast = last.GetTrailingTrivia();
        SyntaxToken comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(afterComma);
        var nodes = parameters.Take(parameters.Count - 1).Append(last.WithTrailingTrivia(default(SyntaxTriviaList)))
            .Append(added.WithLeadingTrivia(beforeAdded).WithTrailingTrivia(afterLast));
        return list.WithParameters(SyntaxFactory.SeparatedList(nodes, parameters.GetSeparators().Append(comma)));
    }
}
