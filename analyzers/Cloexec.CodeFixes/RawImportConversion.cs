using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Cloexec.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace Cloexec.CodeFixes;

/// <summary>
/// Rewrites raw [DllImport]/[LibraryImport] declarations as [CreatesDescriptor] partial methods with
/// <c>bool? cloexec = null</c>, keeping their name, parameters, library, EntryPoint, SetLastError and string marshalling.
/// </summary>
internal static class RawImportConversion
{
    private const string CloexecParameterName = "cloexec";

    /// <summary>
    /// Converts the raw imports whose diagnostics lie at <paramref name="spans"/> in one edit of the document: every
    /// method, the 'partial' of every type around them and one <c>using Cloexec;</c>. Fix All calls it once per
    /// document with all of that document's spans, so no two fixes ever edit the same text.
    /// </summary>
    public static async Task<Document> ConvertAsync(Document document, IEnumerable<TextSpan> spans, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var typesToMakePartial = new List<TypeDeclarationSyntax>();
        bool changed = false;
        foreach (MethodDeclarationSyntax method in spans
            .Select(span => root.FindToken(span.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault())
            .OfType<MethodDeclarationSyntax>()
            .Distinct())
        {
            if (model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol || RawImport.Of(symbol) is not { } import)
            {
                continue;
            }

            AttributeSyntax? importAttribute = method.AttributeLists.SelectMany(l => l.Attributes)
                .FirstOrDefault(a => model.GetTypeInfo(a, cancellationToken).Type?.ToDisplayString() is "System.Runtime.InteropServices.DllImportAttribute" or RawImport.LibraryImportAttributeName);
            if (importAttribute is null)
            {
                continue;
            }

            editor.ReplaceNode(method, (node, _) => Converted((MethodDeclarationSyntax)node, importAttribute, import, symbol));
            changed = true;

            // A partial method needs partial types around it, at every level; each type is edited once, however many
            // of its methods are converted.
            typesToMakePartial.AddRange(method.Ancestors().OfType<TypeDeclarationSyntax>()
                .Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword) && !typesToMakePartial.Contains(t)));
        }

        if (!changed)
        {
            return document;
        }

        foreach (TypeDeclarationSyntax type in typesToMakePartial)
        {
            editor.ReplaceNode(type, (node, _) => WithPartial((TypeDeclarationSyntax)node));
        }

        Document converted = editor.GetChangedDocument();
        converted = await ImportAdder.AddImportsAsync(converted, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Simplifier.ReduceAsync(converted, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static MethodDeclarationSyntax Converted(MethodDeclarationSyntax method, AttributeSyntax importAttribute, RawImport import, IMethodSymbol symbol)
    {
        AttributeSyntax original = method.AttributeLists.SelectMany(l => l.Attributes).First(a => a.IsEquivalentTo(importAttribute));
        MethodDeclarationSyntax result = method.ReplaceNode(original, CreatesDescriptor(original, import, symbol).WithTriviaFrom(original));

        SyntaxTriviaList leading = result.Modifiers.Count > 0 ? result.Modifiers[0].LeadingTrivia : default;
        var modifiers = result.Modifiers.Where(m => !m.IsKind(SyntaxKind.ExternKeyword)).Select(m => m.WithoutTrivia()).ToList();
        if (!modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)))
        {
            // 'partial' must come last, right before the return type.
            modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword));
        }

        // Modifiers are rewritten one space apart; the declaration's own indentation stays in front of them.
        modifiers = modifiers.Select((m, i) => m.WithLeadingTrivia(i == 0 ? leading : default).WithTrailingTrivia(SyntaxFactory.Space)).ToList();
        result = result.WithModifiers(SyntaxFactory.TokenList(modifiers));
        if (!import.IsLibraryImport)
        {
            result = result.WithParameterList(result.ParameterList.WithParameters(SyntaxFactory.SeparatedList(
                result.ParameterList.Parameters.Select((p, i) => i < symbol.Parameters.Length ? WithDllImportBool(p, symbol.Parameters[i]) : p),
                result.ParameterList.Parameters.GetSeparators())));
        }

        if (!symbol.Parameters.Any(p => p.Name == CloexecParameterName))
        {
            ParameterSyntax cloexec = SyntaxFactory.ParseParameterList("(bool? " + CloexecParameterName + " = null)").Parameters[0];
            SeparatedSyntaxList<ParameterSyntax> parameters = result.ParameterList.Parameters;
            var separators = Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), parameters.Count);
            result = result.WithParameterList(result.ParameterList.WithParameters(
                SyntaxFactory.SeparatedList(parameters.Select(p => p.WithoutTrivia()).Append(cloexec), separators)));
        }

        return result;
    }

    /// <summary>
    /// A [DllImport] passes a bare bool as a 4-byte BOOL; [CreatesDescriptor], like [LibraryImport], wants that said, so
    /// the fix writes the [MarshalAs(UnmanagedType.Bool)] that keeps the call's meaning.
    /// </summary>
    private static ParameterSyntax WithDllImportBool(ParameterSyntax parameter, IParameterSymbol symbol)
    {
        if (symbol.Type.SpecialType != SpecialType.System_Boolean
            || symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.MarshalAsAttribute"))
        {
            return parameter;
        }

        AttributeSyntax marshalAs = SyntaxFactory.Attribute(
            SyntaxFactory.ParseName("global::System.Runtime.InteropServices.MarshalAs").WithAdditionalAnnotations(Simplifier.Annotation),
            SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(
                SyntaxFactory.ParseExpression("global::System.Runtime.InteropServices.UnmanagedType.Bool").WithAdditionalAnnotations(Simplifier.Annotation)))));
        return parameter.AddAttributeLists(SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(marshalAs)).WithTrailingTrivia(SyntaxFactory.Space));
    }

    /// <summary>
    /// [CreatesDescriptor] with the import's library (as written), EntryPoint and SetLastError, and its strings: LibraryImport's
    /// StringMarshalling as written, DllImport's CharSet as what it means on Unix (Unicode is UTF-16, everything else UTF-8).
    /// </summary>
    private static AttributeSyntax CreatesDescriptor(AttributeSyntax import, RawImport raw, IMethodSymbol symbol)
    {
        SeparatedSyntaxList<AttributeArgumentSyntax> arguments = import.ArgumentList?.Arguments ?? default;
        var kept = new List<AttributeArgumentSyntax>();
        kept.AddRange(arguments.Where(a => a.NameEquals is null && a.NameColon is null).Take(1));
        string[] keptNames = raw.IsLibraryImport
            ? ["EntryPoint", "SetLastError", "StringMarshalling", "StringMarshallingCustomType"]
            : ["EntryPoint", "SetLastError"];
        kept.AddRange(arguments.Where(a => a.NameEquals is { } name && keptNames.Contains(name.Name.Identifier.ValueText)));

        if (!raw.IsLibraryImport && symbol.Parameters.Any(p => p.Type.SpecialType == SpecialType.System_String))
        {
            string marshalling = symbol.GetDllImportData()?.CharacterSet == CharSet.Unicode ? "Utf16" : "Utf8";
            kept.Add(SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals("StringMarshalling"),
                null,
                SyntaxFactory.ParseExpression("global::System.Runtime.InteropServices.StringMarshalling." + marshalling).WithAdditionalAnnotations(Simplifier.Annotation)));
        }

        NameSyntax name = SyntaxFactory.ParseName("global::" + CreatesDescriptorAttributeName.Namespace + "." + CreatesDescriptorAttributeName.ShortName)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        return SyntaxFactory.Attribute(name, SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(kept.Select(a => a.WithoutTrivia()))))
            .NormalizeWhitespace();
    }

    /// <summary>'partial' right before the type keyword; a type without modifiers hands its indentation to it.</summary>
    private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax type)
    {
        SyntaxToken partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (type.Modifiers.Count > 0)
        {
            return type.WithModifiers(type.Modifiers.Add(partial));
        }

        return type.WithKeyword(type.Keyword.WithLeadingTrivia(default(SyntaxTriviaList)))
            .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(type.Keyword.LeadingTrivia)));
    }
}
