using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cloexec.CodeFixes;

/// <summary>
/// Writes <c>using Cloexec;</c> right after the file's last plain using directive, so that what follows it (a blank
/// line, then <c>using mode_t = System.Int32;</c> aliases or <c>using static</c>) stays as it was. Roslyn's import
/// adder put it in front of such an alias and took the alias's blank line. A file without plain usings is left to it.
/// </summary>
internal static class CloexecImport
{
    public static SyntaxNode Add(SyntaxNode root)
    {
        if (root is not CompilationUnitSyntax unit || root.DescendantNodes().OfType<UsingDirectiveSyntax>().Any(IsCloexec))
        {
            return root;
        }

        // The list the file keeps its usings in: the file's own, or (file-scoped or not) its namespace's.
        SyntaxList<UsingDirectiveSyntax> usings = unit.Usings;
        BaseNamespaceDeclarationSyntax? holder = null;
        if (!usings.Any(IsPlain))
        {
            holder = unit.Members.OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault(n => n.Usings.Any(IsPlain));
            usings = holder?.Usings ?? default;
        }

        UsingDirectiveSyntax? last = usings.LastOrDefault(IsPlain);
        if (last is null)
        {
            return root;
        }

        UsingDirectiveSyntax cloexec = SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName(Cloexec.Analyzers.CreatesDescriptorAttributeName.Namespace))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithLeadingTrivia(Indentation(last)).WithTrailingTrivia(SyntaxFactory.Space))
            .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(last.SemicolonToken.TrailingTrivia));
        SyntaxList<UsingDirectiveSyntax> added = usings.Insert(usings.IndexOf(last) + 1, cloexec);
        return holder is null ? unit.WithUsings(added) : unit.ReplaceNode(holder, holder.WithUsings(added));
    }

    private static bool IsPlain(UsingDirectiveSyntax directive) =>
        directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.GlobalKeyword.IsKind(SyntaxKind.None);

    private static bool IsCloexec(UsingDirectiveSyntax directive) =>
        IsPlain(directive) && directive.Name?.ToString() is "Cloexec" or "global::Cloexec";

    private static SyntaxTriviaList Indentation(UsingDirectiveSyntax directive) =>
        SyntaxFactory.TriviaList(directive.GetLeadingTrivia().Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
}
