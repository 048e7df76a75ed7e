using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Cloexec.Analyzers;
using Cloexec.Generators.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace Cloexec.CodeFixes;

/// <summary>
/// Rewrites raw [DllImport]/[LibraryImport] declarations as [CreatesDescriptor] partial methods, each in the form that
/// compiles and keeps its meaning (<see cref="MethodConversion"/>): direct where the generator marshals the signature
/// itself (<see cref="GeneratorMarshalling"/>), else the Wraps form over the import as written.
/// </summary>
internal static class RawImportConversion
{
    private const string DllImportAttributeName = "System.Runtime.InteropServices.DllImportAttribute";

    /// <summary>
    /// Converts the raw imports whose diagnostics lie at <paramref name="spans"/> in one edit of the document: every
    /// method, the 'partial' of every type around them and one <c>using Cloexec;</c>. Fix All calls it once per
    /// document with all of that document's spans, so no two fixes ever edit the same text.
    /// </summary>
    /// <summary>
    /// Whether the declaration at <paramref name="span"/> has a form that compiles, so that a fix worth offering exists
    /// (those the fix leaves alone keep their diagnostic, with no action that would do nothing).
    /// </summary>
    public static async Task<bool> CanConvertAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root?.FindToken(span.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault() is { } method
            && model?.GetDeclaredSymbol(method, cancellationToken) is { } symbol
            && RawImport.Of(symbol) is { } import
            // Whether the signature is bound decides only whether cloexec is added, never whether a form exists.
            && Plan(method, symbol, import, model, signatureBound: false, new HashSet<string>(symbol.ContainingType.MemberNames), cancellationToken) is not null;
    }

    public static async Task<Document> ConvertAsync(Document document, IEnumerable<TextSpan> spans, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var conversions = new Dictionary<MethodDeclarationSyntax, MethodConversion>();
        var namesTaken = new Dictionary<INamedTypeSymbol, HashSet<string>>(SymbolEqualityComparer.Default);
        foreach (MethodDeclarationSyntax method in spans
            .Select(span => root.FindToken(span.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault())
            .OfType<MethodDeclarationSyntax>()
            .Distinct())
        {
            if (model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol || RawImport.Of(symbol) is not { } import)
            {
                continue;
            }

            if (!namesTaken.TryGetValue(symbol.ContainingType, out HashSet<string>? taken))
            {
                taken = new HashSet<string>(symbol.ContainingType.MemberNames);
                namesTaken.Add(symbol.ContainingType, taken);
            }

            bool bound = await SignatureUses.SignatureIsBoundAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
            if (Plan(method, symbol, import, model, bound, taken, cancellationToken) is { } conversion)
            {
                conversions.Add(method, conversion);
            }
        }

        if (conversions.Count == 0)
        {
            return document;
        }

        // Fresh annotations for every run: annotations stay on the nodes of the document a run returns, and a later run
        // over that document (dotnet format fixes CLOEXEC0200, then CLOEXEC0202) must not take them for its own.
        var annotations = conversions.Keys.ToDictionary(m => m, _ => new SyntaxAnnotation());
        var makePartial = new SyntaxAnnotation();
        var typesToMakePartial = new HashSet<TypeDeclarationSyntax>(conversions.Keys
            .SelectMany(m => m.Ancestors().OfType<TypeDeclarationSyntax>())
            .Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword)));
        SyntaxNode annotated = root.ReplaceNodes(
            conversions.Keys.Cast<SyntaxNode>().Concat(typesToMakePartial),
            (original, rewritten) => original is MethodDeclarationSyntax method
                ? rewritten.WithAdditionalAnnotations(annotations[method])
                : rewritten.WithAdditionalAnnotations(makePartial));
        var byAnnotation = conversions.ToDictionary(c => annotations[c.Key], c => c.Value);
        SyntaxNode converted = new MemberReplacer(byAnnotation, makePartial).Visit(annotated);

        Document result = document.WithSyntaxRoot(CloexecImport.Add(converted));
        result = await ImportAdder.AddImportsAsync(result, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Simplifier.ReduceAsync(result, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Decides the form of one declaration; <see langword="null"/> when no form would compile (the diagnostic stays).</summary>
    private static MethodConversion? Plan(
        MethodDeclarationSyntax method, IMethodSymbol symbol, RawImport import, SemanticModel model, bool signatureBound, HashSet<string> taken, CancellationToken cancellationToken)
    {
        (int, int)? importIndex = null;
        var importOnly = ImmutableHashSet.CreateBuilder<(int, int)>();
        for (int list = 0; list < method.AttributeLists.Count; list++)
        {
            AttributeListSyntax attributes = method.AttributeLists[list];
            for (int i = 0; i < attributes.Attributes.Count; i++)
            {
                string? name = model.GetTypeInfo(attributes.Attributes[i], cancellationToken).Type?.ToDisplayString();
                if (name is DllImportAttributeName or RawImport.LibraryImportAttributeName)
                {
                    importIndex = (list, i);
                }

                AttributeData? data = symbol.GetAttributes().Concat(symbol.GetReturnTypeAttributes())
                    .FirstOrDefault(a => a.ApplicationSyntaxReference?.Span == attributes.Attributes[i].Span);
                bool marshalAsReturn = attributes.Target?.Identifier.IsKind(SyntaxKind.ReturnKeyword) == true && name == "System.Runtime.InteropServices.MarshalAsAttribute";
                if ((data is not null && GeneratorMarshalling.IsImportOnly(data)) || marshalAsReturn || name is DllImportAttributeName)
                {
                    importOnly.Add((list, i));
                }
            }
        }

        if (importIndex is not { } index || symbol.IsGenericMethod || symbol.ContainingType.IsGenericType)
        {
            // A P/Invoke cannot be generic, nor live in a generic type: such a declaration never ran.
            return null;
        }

        bool direct = GeneratorMarshalling.MarshalsItself(symbol, import);
        if (!direct && !GeneratorMarshalling.InheritanceArgumentFits(symbol, import, wraps: true))
        {
            // A bInheritHandle the generator cannot set (a BOOL struct): no form would compile.
            return null;
        }

        if (!direct && symbol.ReturnType is INamedTypeSymbol { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None })
        {
            // A typedef struct result (ssize_t) crosses only through the generator's own import; a wrapper returns the integer.
            return null;
        }

        string simpleName = method.Identifier.ValueText;
        string? partialName = method.ExplicitInterfaceSpecifier is null ? null : Unique(simpleName, taken);
        string? rawName = direct ? null : Unique("Raw" + char.ToUpperInvariant(simpleName[0]) + simpleName.Substring(1), taken);
        bool addCloexec = !signatureBound && method.ExplicitInterfaceSpecifier is null && !symbol.Parameters.Any(p => p.Name == "cloexec");
        ImmutableArray<int> boolParameters = direct && !import.IsLibraryImport
            ? symbol.Parameters.Where(GeneratorMarshalling.NeedsBoolMarshalAs).Select(p => p.Ordinal).ToImmutableArray()
            : [];
        AttributeSyntax importAttribute = method.AttributeLists[index.Item1].Attributes[index.Item2];
        return new MethodConversion(
            index,
            importOnly.ToImmutable(),
            direct ? CreatesDescriptor(importAttribute, import, symbol) : null,
            rawName,
            partialName,
            addCloexec,
            boolParameters,
            boolReturn: GeneratorMarshalling.NeedsBoolReturnMarshalAs(symbol, direct),
            boundEntryPoint: import.EntryPoint,
            entryPointWritten: import.EntryPoint == import.WrittenEntryPoint);
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        string unique = name;
        for (int i = 2; !taken.Add(unique); i++)
        {
            unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return unique;
    }

    /// <summary>
    /// [CreatesDescriptor] with the import's library (as written), the function it binds, SetLastError, and its strings:
    /// LibraryImport's StringMarshalling as written, DllImport's CharSet as what it means (Unicode, and Auto on Windows,
    /// is UTF-16; on Unix anything else is UTF-8; on Windows anything else is ANSI, CharSet.Ansi).
    /// </summary>
    private static AttributeSyntax CreatesDescriptor(AttributeSyntax import, RawImport raw, IMethodSymbol symbol)
    {
        SeparatedSyntaxList<AttributeArgumentSyntax> arguments = import.ArgumentList?.Arguments ?? default;
        var kept = new List<AttributeArgumentSyntax>();
        kept.AddRange(arguments.Where(a => a.NameEquals is null && a.NameColon is null).Take(1));
        string[] keptNames = raw.IsLibraryImport
            ? ["EntryPoint", "SetLastError", "StringMarshalling", "StringMarshallingCustomType"]
            : ["EntryPoint", "SetLastError"];
        kept.AddRange(arguments.Where(a => a.NameEquals is { } name && keptNames.Contains(name.Name.Identifier.ValueText)
            && (name.Name.Identifier.ValueText != "EntryPoint" || raw.EntryPoint == raw.WrittenEntryPoint)));
        if (raw.EntryPoint != raw.WrittenEntryPoint || (symbol.ExplicitInterfaceImplementations.Length > 0 && !kept.Any(a => a.NameEquals?.Name.Identifier.ValueText == "EntryPoint")))
        {
            // The function the import bound: DllImport's own probing (CreateFile under CharSet.Unicode is CreateFileW),
            // which [CreatesDescriptor] does not do.
            kept.Add(SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals("EntryPoint"), null,
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(raw.EntryPoint))));
        }

        if (!raw.IsLibraryImport && symbol.Parameters.Any(p => p.Type.SpecialType == SpecialType.System_String || p.Type.ToDisplayString() == "System.Text.StringBuilder"))
        {
            CharSet charSet = symbol.GetDllImportData()?.CharacterSet ?? CharSet.None;
            bool windows = NativePlatform.Windows == NativeLibraries.PlatformOf(raw.LibraryName);
            // The encoding said the way that reads plainest: UTF-16 and UTF-8 by name where the CharSet means one of them
            // on the import's platform; on Windows ANSI (also CharSet.None) is the ANSI code page, which only CharSet says.
            kept.Add(charSet == CharSet.Unicode || (windows && charSet == CharSet.Auto)
                ? EncodingArgument("StringMarshalling", "StringMarshalling.Utf16")
                : windows
                    ? EncodingArgument("CharSet", "CharSet.Ansi")
                    : EncodingArgument("StringMarshalling", "StringMarshalling.Utf8"));
        }

        return MethodConversion.CreatesDescriptorAttribute([.. kept]);
    }

    private static AttributeArgumentSyntax EncodingArgument(string name, string value) => SyntaxFactory.AttributeArgument(
        SyntaxFactory.NameEquals(name),
        null,
        SyntaxFactory.ParseExpression("global::System.Runtime.InteropServices." + value).WithAdditionalAnnotations(Simplifier.Annotation));

    /// <summary>Puts each converted method's members in its place, and 'partial' on the types around them.</summary>
    private sealed class MemberReplacer(Dictionary<SyntaxAnnotation, MethodConversion> conversions, SyntaxAnnotation makePartial) : CSharpSyntaxRewriter
    {

        public override SyntaxNode? VisitClassDeclaration(ClassDeclarationSyntax node) => Replace((TypeDeclarationSyntax)base.VisitClassDeclaration(node)!);

        public override SyntaxNode? VisitStructDeclaration(StructDeclarationSyntax node) => Replace((TypeDeclarationSyntax)base.VisitStructDeclaration(node)!);

        public override SyntaxNode? VisitRecordDeclaration(RecordDeclarationSyntax node) => Replace((TypeDeclarationSyntax)base.VisitRecordDeclaration(node)!);

        private TypeDeclarationSyntax Replace(TypeDeclarationSyntax type)
        {
            var members = new List<MemberDeclarationSyntax>();
            foreach (MemberDeclarationSyntax member in type.Members)
            {
                MethodConversion? conversion = member is MethodDeclarationSyntax
                    ? conversions.Where(c => member.HasAnnotation(c.Key)).Select(c => c.Value).FirstOrDefault()
                    : null;
                members.AddRange(conversion is null ? [member] : conversion.Members((MethodDeclarationSyntax)member));
            }

            type = type.WithMembers(SyntaxFactory.List(members));
            return type.HasAnnotation(makePartial) && !type.Modifiers.Any(SyntaxKind.PartialKeyword) ? WithPartial(type) : type;
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
}
