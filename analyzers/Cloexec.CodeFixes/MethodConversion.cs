using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Cloexec.CodeFixes;

/// <summary>
/// What one raw import becomes, decided from its symbol (<see cref="RawImportConversion"/>) and written from its syntax:
/// <list type="bullet">
/// <item>direct: the import itself becomes a [CreatesDescriptor] partial method (the generator marshals it);</item>
/// <item>Wraps: the import stays as written, renamed and private, and a [CreatesDescriptor(Wraps = ...)] partial
/// method takes its name, accessibility and signature (the import keeps marshalling what the generator does not);</item>
/// <item>an explicit interface implementation, which cannot be partial, keeps its declaration with a body that calls a
/// private partial method of either kind.</item>
/// </list>
/// A method whose signature something depends on (<see cref="SignatureUses"/>) gets no <c>cloexec</c> parameter.
/// </summary>
internal sealed class MethodConversion
{
    private const string CloexecParameterName = "cloexec";

    /// <param name="importAttributeIndex">Where the [DllImport]/[LibraryImport] is: (attribute list, attribute).</param>
    /// <param name="importOnlyAttributes">Attributes only an import uses (the wrapper drops them; the raw method keeps them).</param>
    /// <param name="createsDescriptor">The direct form's attribute; <see langword="null"/> for the Wraps form.</param>
    /// <param name="rawName">The Wraps form's name for the raw import.</param>
    /// <param name="partialName">The partial method's name when the declaration is an explicit interface implementation.</param>
    /// <param name="boolParameters">Bare bool parameters of a [DllImport], which are BOOLs.</param>
    /// <param name="boundEntryPoint">The function the import binds, which the Wraps form's raw import names as its EntryPoint.</param>
    /// <param name="entryPointWritten">Whether the import's EntryPoint, if it has one, already names that function.</param>
    public MethodConversion(
        (int List, int Attribute) importAttributeIndex,
        ImmutableHashSet<(int List, int Attribute)> importOnlyAttributes,
        AttributeSyntax? createsDescriptor,
        string? rawName,
        string? partialName,
        bool addCloexec,
        ImmutableArray<int> boolParameters,
        bool boolReturn,
        string boundEntryPoint,
        bool entryPointWritten)
    {
        _boundEntryPoint = boundEntryPoint;
        _entryPointWritten = entryPointWritten;
        _importAttributeIndex = importAttributeIndex;
        _importOnlyAttributes = importOnlyAttributes;
        _createsDescriptor = createsDescriptor;
        _rawName = rawName;
        _partialName = partialName;
        _addCloexec = addCloexec;
        _boolParameters = boolParameters;
        _boolReturn = boolReturn;
    }

    private readonly (int List, int Attribute) _importAttributeIndex;
    private readonly ImmutableHashSet<(int List, int Attribute)> _importOnlyAttributes;
    private readonly AttributeSyntax? _createsDescriptor;
    private readonly string? _rawName;
    private readonly string? _partialName;
    private readonly bool _addCloexec;
    private readonly ImmutableArray<int> _boolParameters;
    private readonly bool _boolReturn;
    private readonly string _boundEntryPoint;
    private readonly bool _entryPointWritten;

    /// <summary>The members that replace <paramref name="method"/>, in order; the first keeps its comments, docs and directives.</summary>
    public IEnumerable<MemberDeclarationSyntax> Members(MethodDeclarationSyntax method)
    {
        var members = new List<MemberDeclarationSyntax>();
        if (method.ExplicitInterfaceSpecifier is not null)
        {
            members.Add(Forwarder(method));
        }

        members.Add(_createsDescriptor is not null ? Direct(method) : Wrapper(method));
        if (_rawName is not null)
        {
            members.Add(Raw(method));
        }

        SyntaxTriviaList between = SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine("\n")).AddRange(Indentation(method));
        return members.Select((m, i) => i == 0 ? m.WithLeadingTrivia(method.GetLeadingTrivia()) : m.WithLeadingTrivia(between));
    }

    private string PartialName(MethodDeclarationSyntax method) => _partialName ?? method.Identifier.ValueText;

    private MethodDeclarationSyntax Direct(MethodDeclarationSyntax method)
    {
        AttributeSyntax import = ImportAttribute(method);
        MethodDeclarationSyntax result = method.ReplaceNode(import, _createsDescriptor!.WithTriviaFrom(import));
        if (_boolReturn)
        {
            result = result.WithAttributeLists(result.AttributeLists.Add(ReturnMarshalAsBool(method)));
        }

        result = result.WithParameterList(result.ParameterList.WithParameters(SyntaxFactory.SeparatedList(
            result.ParameterList.Parameters.Select((p, i) => _boolParameters.Contains(i) ? WithMarshalAsBool(p) : p),
            result.ParameterList.Parameters.GetSeparators())));
        return AsPartial(result);
    }

    private MethodDeclarationSyntax Wrapper(MethodDeclarationSyntax method)
    {
        AttributeSyntax import = ImportAttribute(method);
        AttributeSyntax wraps = CreatesDescriptorAttribute(SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals("Wraps"), null, SyntaxFactory.ParseExpression("nameof(" + _rawName + ")")));
        MethodDeclarationSyntax result = method.ReplaceNode(import, wraps.WithTriviaFrom(import));
        var lists = new List<AttributeListSyntax>();
        for (int list = 0; list < result.AttributeLists.Count; list++)
        {
            AttributeListSyntax attributes = result.AttributeLists[list];
            var kept = attributes.Attributes.Where((_, i) => (list, i) == _importAttributeIndex || !_importOnlyAttributes.Contains((list, i))).ToList();
            if (kept.Count > 0)
            {
                lists.Add(attributes.WithAttributes(SyntaxFactory.SeparatedList(kept)));
            }
        }

        if (_boolReturn)
        {
            lists.Add(ReturnMarshalAsBool(method));
        }

        // The raw import marshals the arguments; on the wrapper [MarshalAs], [In] and [Out] would say nothing.
        result = result.WithAttributeLists(SyntaxFactory.List(lists))
            .WithParameterList(result.ParameterList.WithParameters(SyntaxFactory.SeparatedList(
                result.ParameterList.Parameters.Select(WithoutMarshallingAttributes), result.ParameterList.Parameters.GetSeparators())));
        return AsPartial(result);
    }

    /// <summary>
    /// The import as written, renamed and private; its entry point written out, since its name no longer says it, as the
    /// function it binds (CreateFile under CharSet.Unicode is CreateFileW, which DllImport still finds under that name):
    /// the generator reads the wrapped function by that name and does not probe.
    /// </summary>
    private MethodDeclarationSyntax Raw(MethodDeclarationSyntax method)
    {
        AttributeSyntax import = ImportAttribute(method);
        ExpressionSyntax bound = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(_boundEntryPoint));
        AttributeSyntax withEntryPoint;
        if (import.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "EntryPoint") is { } written)
        {
            withEntryPoint = _entryPointWritten
                ? import
                : import.ReplaceNode(written.Expression, bound.WithTriviaFrom(written.Expression));
        }
        else
        {
            AttributeArgumentSyntax entryPoint = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals("EntryPoint"), null, bound).NormalizeWhitespace();
            AttributeArgumentListSyntax arguments = import.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            withEntryPoint = import.WithArgumentList(arguments.WithArguments(arguments.Arguments.Count == 0
                ? SyntaxFactory.SingletonSeparatedList(entryPoint)
                : arguments.Arguments.Add(entryPoint.WithLeadingTrivia(SyntaxFactory.Space))));
        }

        MethodDeclarationSyntax raw = method.ReplaceNode(import, withEntryPoint)
            .WithExplicitInterfaceSpecifier(null)
            .WithIdentifier(SyntaxFactory.Identifier(_rawName!).WithTriviaFrom(method.Identifier));
        IEnumerable<SyntaxToken> kept = raw.Modifiers.Where(m => !IsAccessibility(m) && !m.IsKind(SyntaxKind.NewKeyword));
        return raw.WithModifiers(Spaced(raw.Modifiers, new[] { SyntaxFactory.Token(SyntaxKind.PrivateKeyword) }.Concat(kept)));
    }

    /// <summary>The explicit implementation, its import attribute gone, with a body that calls the partial method.</summary>
    private MethodDeclarationSyntax Forwarder(MethodDeclarationSyntax method)
    {
        var lists = method.AttributeLists
            .Select((list, l) => list.WithAttributes(SyntaxFactory.SeparatedList(list.Attributes.Where((_, a) => !_importOnlyAttributes.Contains((l, a)) && (l, a) != _importAttributeIndex))))
            .Where(list => list.Attributes.Count > 0 && list.Target is null);
        ArgumentListSyntax arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(method.ParameterList.Parameters.Select(p =>
        {
            ArgumentSyntax argument = SyntaxFactory.Argument(SyntaxFactory.IdentifierName(p.Identifier.WithoutTrivia()));
            SyntaxToken refKind = p.Modifiers.FirstOrDefault(m => m.Kind() is SyntaxKind.RefKeyword or SyntaxKind.OutKeyword or SyntaxKind.InKeyword);
            return refKind.IsKind(SyntaxKind.None) ? argument : argument.WithRefKindKeyword(SyntaxFactory.Token(refKind.Kind()).WithTrailingTrivia(SyntaxFactory.Space));
        })));
        ExpressionSyntax call = SyntaxFactory.InvocationExpression(SyntaxFactory.IdentifierName(PartialName(method)), arguments);
        IEnumerable<SyntaxToken> modifiers = method.Modifiers.Where(m => !m.IsKind(SyntaxKind.ExternKeyword) && !m.IsKind(SyntaxKind.PartialKeyword));
        return method.WithAttributeLists(SyntaxFactory.List(lists))
            .WithModifiers(Spaced(method.Modifiers, modifiers))
            .WithParameterList(method.ParameterList.WithParameters(SyntaxFactory.SeparatedList(
                method.ParameterList.Parameters.Select(WithoutMarshallingAttributes), method.ParameterList.Parameters.GetSeparators())))
            .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(call).WithLeadingTrivia(SyntaxFactory.Space).WithArrowToken(
                SyntaxFactory.Token(SyntaxKind.EqualsGreaterThanToken).WithTrailingTrivia(SyntaxFactory.Space)))
            .WithSemicolonToken(method.SemicolonToken);
    }

    /// <summary>Not extern, partial, with an accessibility written out, named for its role, and the cloexec parameter.</summary>
    private MethodDeclarationSyntax AsPartial(MethodDeclarationSyntax method)
    {
        bool explicitImplementation = method.ExplicitInterfaceSpecifier is not null;
        var modifiers = method.Modifiers.Where(m => !m.IsKind(SyntaxKind.ExternKeyword) && !m.IsKind(SyntaxKind.PartialKeyword)).ToList();
        if (explicitImplementation || !modifiers.Any(IsAccessibility))
        {
            // A partial method with a result needs its accessibility written (CS8796); the default was private.
            modifiers.Insert(0, SyntaxFactory.Token(SyntaxKind.PrivateKeyword));
        }

        // 'partial' must come last, right before the return type.
        modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword));
        MethodDeclarationSyntax result = method.WithModifiers(Spaced(method.Modifiers, modifiers));
        if (explicitImplementation)
        {
            result = result.WithExplicitInterfaceSpecifier(null)
                .WithIdentifier(SyntaxFactory.Identifier(PartialName(method)).WithTriviaFrom(method.Identifier));
        }

        if (_addCloexec)
        {
            result = result.WithParameterList(ParameterListLayout.Append(result.ParameterList,
                SyntaxFactory.ParseParameterList("(bool? " + CloexecParameterName + " = null)").Parameters[0]));
        }

        return result;
    }

    private AttributeSyntax ImportAttribute(MethodDeclarationSyntax method) =>
        method.AttributeLists[_importAttributeIndex.List].Attributes[_importAttributeIndex.Attribute];

    /// <summary>[CreatesDescriptor(...)] named in full, for the simplifier to shorten and to import <c>Cloexec</c>.</summary>
    public static AttributeSyntax CreatesDescriptorAttribute(params AttributeArgumentSyntax[] arguments)
    {
        NameSyntax name = SyntaxFactory.ParseName("global::" + Cloexec.Analyzers.CreatesDescriptorAttributeName.Namespace + "." + Cloexec.Analyzers.CreatesDescriptorAttributeName.ShortName)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        return SyntaxFactory.Attribute(name, SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(arguments.Select(a => a.WithoutTrivia()))))
            .NormalizeWhitespace();
    }

    /// <summary><c>[return: MarshalAs(UnmanagedType.Bool)]</c> on a line of its own after the method's other attributes.</summary>
    private static AttributeListSyntax ReturnMarshalAsBool(MethodDeclarationSyntax method) =>
        MarshalAsBoolList(SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(SyntaxKind.ReturnKeyword)))
            .WithLeadingTrivia(Indentation(method)).WithTrailingTrivia(SyntaxFactory.EndOfLine("\n"));

    private static ParameterSyntax WithMarshalAsBool(ParameterSyntax parameter) =>
        parameter.WithAttributeLists(parameter.AttributeLists.Add(MarshalAsBoolList(null).WithTrailingTrivia(SyntaxFactory.Space)))
            .WithLeadingTrivia(parameter.GetLeadingTrivia());

    private static AttributeListSyntax MarshalAsBoolList(AttributeTargetSpecifierSyntax? target)
    {
        AttributeSyntax marshalAs = SyntaxFactory.Attribute(
            SyntaxFactory.ParseName("global::System.Runtime.InteropServices.MarshalAs").WithAdditionalAnnotations(Simplifier.Annotation),
            SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(
                SyntaxFactory.ParseExpression("global::System.Runtime.InteropServices.UnmanagedType.Bool").WithAdditionalAnnotations(Simplifier.Annotation)))));
        AttributeListSyntax list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(marshalAs));
        return target is null ? list : list.WithTarget(target.WithTrailingTrivia(SyntaxFactory.Space));
    }

    private static ParameterSyntax WithoutMarshallingAttributes(ParameterSyntax parameter)
    {
        var lists = parameter.AttributeLists
            .Select(list => list.WithAttributes(Kept(list.Attributes.Where(a => !IsMarshallingAttribute(a)).ToList())))
            .Where(list => list.Attributes.Count > 0)
            .ToList();
        return !parameter.AttributeLists.SelectMany(list => list.Attributes).Any(IsMarshallingAttribute)
            ? parameter
            : parameter.WithAttributeLists(SyntaxFactory.List(lists)).WithLeadingTrivia(parameter.GetLeadingTrivia());
    }

    /// <summary>What is left of an attribute list (<c>[In, Optional]</c> becomes <c>[Optional]</c>), one ", " apart.</summary>
    private static SeparatedSyntaxList<AttributeSyntax> Kept(List<AttributeSyntax> attributes) => SyntaxFactory.SeparatedList(
        attributes.Select((a, i) => i == 0 ? a.WithoutLeadingTrivia() : a.WithLeadingTrivia(SyntaxFactory.Space)),
        Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken), System.Math.Max(0, attributes.Count - 1)));

    // By name: the parameter attributes that only instruct the marshaller, however they are qualified.
    private static bool IsMarshallingAttribute(AttributeSyntax attribute)
    {
        string name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };
        return name is "MarshalAs" or "MarshalAsAttribute" or "In" or "InAttribute" or "Out" or "OutAttribute" or "MarshalUsing" or "MarshalUsingAttribute";
    }

    private static bool IsAccessibility(SyntaxToken token) =>
        token.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.InternalKeyword or SyntaxKind.FileKeyword;

    /// <summary>Modifiers one space apart, the first keeping the declaration's indentation.</summary>
    private static SyntaxTokenList Spaced(SyntaxTokenList original, IEnumerable<SyntaxToken> modifiers)
    {
        SyntaxTriviaList leading = original.Count > 0 ? original[0].LeadingTrivia : default;
        return SyntaxFactory.TokenList(modifiers.Select((m, i) => m.WithLeadingTrivia(i == 0 ? leading : default).WithTrailingTrivia(SyntaxFactory.Space)));
    }

    /// <summary>The whitespace that indents the declaration's first line.</summary>
    private static SyntaxTriviaList Indentation(MethodDeclarationSyntax method)
    {
        SyntaxTriviaList leading = method.GetLeadingTrivia();
        return SyntaxFactory.TriviaList(leading.Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
    }
}
