using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Cloexec.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Cloexec.CodeFixes;

/// <summary>
/// Turns a raw [DllImport]/[LibraryImport] reported by CLOEXEC0200 into a [CreatesDescriptor] partial method with
/// <c>bool? cloexec = null</c>, keeping its name, parameters, library, EntryPoint, SetLastError and string marshalling.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ToCreatesDescriptorCodeFix)), Shared]
public sealed class ToCreatesDescriptorCodeFix : CodeFixProvider
{
    private const string Title = "Declare with [CreatesDescriptor]";
    private const string CloexecParameterName = "cloexec";

    public override ImmutableArray<string> FixableDiagnosticIds => [AnalyzerDescriptors.RawDescriptorImport.Id];

    // Each fix edits its own method; what fixes share (a 'partial' on the type, the using) is the same text, which
    // the batch fixer merges.
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault() is not { } method)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title, token => ConvertAsync(context.Document, method, token), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static async Task<Document> ConvertAsync(Document document, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetDeclaredSymbol(method, cancellationToken) is not { } symbol || RawImport.Of(symbol) is not { } import)
        {
            return document;
        }

        AttributeSyntax? importAttribute = method.AttributeLists.SelectMany(l => l.Attributes)
            .FirstOrDefault(a => model.GetTypeInfo(a, cancellationToken).Type?.ToDisplayString() is "System.Runtime.InteropServices.DllImportAttribute" or RawImport.LibraryImportAttributeName);
        if (importAttribute is null)
        {
            return document;
        }

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(method, (node, _) => Converted((MethodDeclarationSyntax)node, importAttribute, import, symbol));

        // A partial method needs partial types around it, at every level.
        foreach (TypeDeclarationSyntax type in method.Ancestors().OfType<TypeDeclarationSyntax>().Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword)))
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
