using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cloexec.Generators.Tests.Infrastructure;

/// <summary>One random edit of a source's tokens, as a slip of the keyboard or a half-typed line would make.</summary>
internal enum Mutation
{
    Delete,
    Duplicate,
    Swap,
}

/// <summary>
/// Deletes, duplicates or swaps tokens of a parsed source, keeping every token's trivia, so that the result is the
/// text a user could have in the editor one keystroke away from a valid declaration.
/// </summary>
internal sealed class TokenMutator
{
    private readonly SyntaxToken[] _tokens;

    public TokenMutator(string source, CSharpParseOptions options)
    {
        _tokens = CSharpSyntaxTree.ParseText(source, options).GetRoot().DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToArray();
    }

    /// <summary>Applies <paramref name="count"/> edits chosen by <paramref name="random"/>; returns the text and what was done.</summary>
    public (string Source, string Description) Mutate(Random random, int count)
    {
        var tokens = new List<SyntaxToken>(_tokens);
        var done = new List<string>();
        for (int i = 0; i < count && tokens.Count > 1; i++)
        {
            var mutation = (Mutation)random.Next(3);
            int at = random.Next(tokens.Count);
            switch (mutation)
            {
                case Mutation.Delete:
                    done.Add($"delete '{tokens[at].Text}' at {at}");
                    tokens.RemoveAt(at);
                    break;
                case Mutation.Duplicate:
                    done.Add($"duplicate '{tokens[at].Text}' at {at}");
                    tokens.Insert(at, tokens[at]);
                    break;
                default:
                    int other = SwapPartner(tokens, at, random);
                    done.Add($"swap '{tokens[at].Text}' at {at} with '{tokens[other].Text}' at {other}");
                    (tokens[at], tokens[other]) = (tokens[other], tokens[at]);
                    break;
            }
        }

        var text = new StringBuilder();
        foreach (SyntaxToken token in tokens)
        {
            // A token without trivia after it would glue onto the next one and make a different edit than intended.
            text.Append(token.ToFullString());
            if (!token.HasTrailingTrivia)
            {
                text.Append(' ');
            }
        }

        return (text.ToString(), string.Join("; ", done));
    }

    /// <summary>
    /// Mostly a token of the same sort (identifier for identifier, keyword for keyword, literal for literal): such swaps
    /// usually still parse, so they reach the generator's semantic paths (wrong types, names, entry points, flags)
    /// instead of stopping at a syntax error. Now and then any token, for the edits that break the syntax.
    /// </summary>
    private static int SwapPartner(List<SyntaxToken> tokens, int at, Random random)
    {
        if (random.Next(4) == 0)
        {
            return random.Next(tokens.Count);
        }

        int sort = SortOf(tokens[at]);
        int[] alike = Enumerable.Range(0, tokens.Count).Where(i => SortOf(tokens[i]) == sort).ToArray();
        return alike[random.Next(alike.Length)];
    }

    private static int SortOf(SyntaxToken token) =>
        token.IsKind(SyntaxKind.IdentifierToken) ? 0
        : SyntaxFacts.IsKeywordKind(token.Kind()) ? 1
        : SyntaxFacts.IsLiteralExpression(token.Kind()) || token.IsKind(SyntaxKind.NumericLiteralToken) || token.IsKind(SyntaxKind.StringLiteralToken) ? 2
        : 3;
}
