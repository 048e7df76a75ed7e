using System.Collections.Generic;
using System.Linq;
using System.Text;
using Cloexec.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cloexec.Generators.Parsing;

/// <summary>
/// The pieces of a declaration's text as read from its symbols and syntax; the model's text (hint name, signature,
/// documentation, modifiers) is written from them in the step after the read, which Roslyn skips while they compare equal.
/// </summary>
/// <param name="ContainingType">The containing type's fully qualified name without <c>global::</c>, as hint names use it.</param>
/// <param name="HintKeys">Each parameter as the hint name's hash reads it: its ref kind and type.</param>
/// <param name="DocumentationComments">Each documentation comment as written, crefs that bind replaced by their IDs.</param>
/// <param name="Modifiers">The method's modifiers as written, <c>partial</c> left out.</param>
internal sealed record DeclarationText(
    string ContainingType,
    string MethodName,
    EquatableArray<string> HintKeys,
    EquatableArray<string> DocumentationComments,
    EquatableArray<string> Modifiers,
    EquatableArray<ParameterText> Signature)
{
    public static DeclarationText Read(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel semanticModel) =>
        new(
            TypeNames.HintText(method.ContainingType),
            method.Name,
            HintKeysOf(method),
            DocumentationCommentsOf(syntax, semanticModel),
            syntax.Modifiers.Where(m => !m.IsKind(SyntaxKind.PartialKeyword)).Select(m => m.Text).ToEquatableArray(),
            method.Parameters.Select(ParameterText.Of).ToEquatableArray());

    /// <summary>The hint name of a method, from its symbols: for comparing declarations that share a name.</summary>
    public static string HintNameOf(IMethodSymbol method) => HintName(TypeNames.HintText(method.ContainingType), method.Name, HintKeysOf(method));

    /// <summary>The model with its text written: it comes from the read with the text fields empty.</summary>
    public WrapperModel Complete(WrapperModel model) => model with
    {
        HintName = HintName(ContainingType, MethodName, HintKeys),
        DocumentationComment = DocumentationText(),
        Modifiers = string.Join(" ", Modifiers.Concat(["partial"])),
        Signature = Signature.Select(p => p.Text).ToEquatableArray(),
    };

    private static EquatableArray<string> HintKeysOf(IMethodSymbol method) =>
        method.Parameters.Select(p => RefKindName(p.RefKind) + " " + TypeNames.Display(p.Type)).ToEquatableArray();

    private static string HintName(string containingType, string methodName, EquatableArray<string> hintKeys)
    {
        string signature = string.Join(",", hintKeys);
        uint hash = 2166136261;
        foreach (char c in signature)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return SafeForHintName($"{containingType}.{methodName}") + $".{hash:x8}.g.cs";
    }

    // RefKind.ToString() without the reflection it costs: the hint names hash this text.
    private static string RefKindName(RefKind refKind) => refKind switch
    {
        RefKind.None => "None",
        RefKind.Ref => "Ref",
        RefKind.Out => "Out",
        _ => refKind.ToString(),
    };

    /// <summary>AddSource throws on characters a file name cannot hold, such as a generic type's <c>&lt;T&gt;</c>.</summary>
    private static string SafeForHintName(string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            safe.Append(char.IsLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }

        return safe.ToString();
    }

    private string DocumentationText()
    {
        var text = new StringBuilder();
        foreach (string comment in DocumentationComments)
        {
            foreach (string line in comment.Split('\n'))
            {
                string trimmed = line.Trim();
                if (trimmed.Length > 0)
                {
                    text.Append(trimmed).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private static EquatableArray<string> DocumentationCommentsOf(MethodDeclarationSyntax syntax, SemanticModel semanticModel)
    {
        List<string>? comments = null;
        foreach (SyntaxTrivia trivia in syntax.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia))
            {
                (comments ??= []).Add(WithCrefsAsIds(trivia, semanticModel));
            }
        }

        return comments is null ? EquatableArray<string>.Empty : comments.ToEquatableArray();
    }

    /// <summary>
    /// The comment with each cref that binds written as its documentation ID (<c>T:Cloexec.CloexecFlag</c>): the copy
    /// lands in a file without the user's usings, where a short name would not bind (CS1574 once docs are generated).
    /// </summary>
    private static string WithCrefsAsIds(SyntaxTrivia trivia, SemanticModel semanticModel)
    {
        var text = new StringBuilder(trivia.ToFullString());
        IEnumerable<CrefSyntax> crefs = trivia.GetStructure()?.DescendantNodes().OfType<XmlCrefAttributeSyntax>().Select(a => a.Cref) ?? [];

        // Back to front, so that each replacement leaves the offsets before it valid.
        foreach (CrefSyntax cref in crefs.Reverse())
        {
            if (semanticModel.GetSymbolInfo(cref).Symbol?.GetDocumentationCommentId() is { } id)
            {
                int start = cref.SpanStart - trivia.FullSpan.Start;
                text.Remove(start, cref.Span.Length).Insert(start, id);
            }
        }

        return text.ToString();
    }
}

/// <summary>A declared parameter as the implementation repeats it: <c>scoped</c>, its ref kind or <c>params</c>, type, name.</summary>
internal sealed record ParameterText(bool Scoped, string Prefix, string Type, string Name)
{
    public string Text => (Scoped ? "scoped " : string.Empty) + Prefix + Type + " " + Name;

    public static ParameterText Of(IParameterSymbol parameter)
    {
        string prefix = parameter.RefKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            RefKind.RefReadOnlyParameter => "ref readonly ",
            _ => parameter.IsParams ? "params " : string.Empty,
        };

        // Both parts of a partial method must agree on 'scoped'; an out parameter is scoped without saying so.
        bool scoped = parameter.ScopedKind == ScopedKind.ScopedValue
            || (parameter.ScopedKind == ScopedKind.ScopedRef && parameter.RefKind != RefKind.Out);
        return new ParameterText(scoped, prefix, TypeNames.FullyQualified(parameter.Type), TypeNames.Identifier(parameter.Name));
    }
}
