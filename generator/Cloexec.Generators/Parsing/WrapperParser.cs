using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cloexec.Generators.Parsing;

/// <summary>
/// The only place that sees symbols: one [CreatesDescriptor] method becomes the diagnostics of reading it, its model
/// with the call not yet planned, what the planner needs to know of it, and the pieces its text is written from
/// (<see cref="DeclarationFacts"/>). It makes no decision about the call: that is the next step's.
/// </summary>
internal static class WrapperParser
{
    internal const string CloexecParameterName = "cloexec";

    public static DeclarationFacts Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var method = (IMethodSymbol)context.TargetSymbol;
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        var diagnostics = new List<DiagnosticInfo>();
        Location location = syntax.Identifier.GetLocation();

        // Half-typed code can hold the same declaration twice: the compiler reports that, and only one of them can
        // get a body (a second source with the same hint name would also make the generator throw).
        if (IsLaterDuplicate(method, syntax))
        {
            return Failed(diagnostics);
        }

        // A method that lacks only 'static' still gets a stub: without one the compiler adds its own error.
        bool isPartialDefinition = syntax.Modifiers.Any(SyntaxKind.PartialKeyword) && syntax.Body is null && syntax.ExpressionBody is null;
        if (!method.IsStatic || !isPartialDefinition)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodMustBeStaticPartial, location, method.Name));
            if (!isPartialDefinition)
            {
                return Failed(diagnostics);
            }
        }

        EquatableArray<ContainingTypeModel>? containingTypes = ContainingTypeReader.Read(method, location, diagnostics);
        if (containingTypes is null)
        {
            return Failed(diagnostics);
        }

        if (method.IsGenericMethod)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericMethodOrType, location, "Method", method.Name, method.Name));
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RefReturn, syntax.ReturnType.GetLocation(), method.Name));
        }

        // The shape of the method itself is wrong: nothing else about it is worth reporting until that is fixed.
        if (diagnostics.Any(d => d.Descriptor == DiagnosticDescriptors.GenericMethodOrType || d.Descriptor == DiagnosticDescriptors.RefReturn))
        {
            return new DeclarationFacts(
                new ReadResult(StubModel(method, containingTypes.Value), diagnostics.ToEquatableArray(), HasErrors: true, UnsafeCodeRequired: null, Request: null),
                DeclarationText.Read(method, syntax, context.SemanticModel));
        }

        cancellationToken.ThrowIfCancellationRequested();
        AttributeData attribute = context.Attributes[0];
        var settings = AttributeSettings.Read(attribute);
        ReadStringMarshalling(method, settings, location, diagnostics);

        ParametersRead read = ParametersReader.Read(method, settings, location, diagnostics);
        IReadOnlyList<IParameterSymbol> nativeParameters = read.Native;

        NativeTarget? target = TargetReader.Read(method, settings, nativeParameters, location, diagnostics);
        bool wraps = settings.Wraps is not null;
        var request = new CallRequest(
            method.Name,
            DiagnosticLocation.Of(location),
            target,
            settings.Flag,
            settings.FlagsParameter,
            DescriptorsOf(settings.Descriptors),
            settings.DescriptorsParameter,
            nativeParameters.Select(p => new ParameterFacts(p.Name, DiagnosticLocation.Of(ParametersReader.LocationOf(p, location)), TraitsReader.Of(p))).ToEquatableArray(),
            method.Parameters.Select(p => p.Name).ToEquatableArray(),
            ReadReturn(method, settings, wraps, location, out ReturnModel returnModel),
            ApplePlatforms.MayRunOn(method));

        var model = new WrapperModel(
            string.Empty,
            NamespaceOf(method),
            containingTypes.Value,
            string.Empty,
            string.Empty,
            TypeNames.Identifier(method.Name),
            returnModel,
            EquatableArray<string>.Empty,
            read.Models,
            read.CloexecParameter,
            target ?? new NativeTarget(null, method.Name, false, null, false),
            Plan: null);
        var unsafeCodeRequired = DiagnosticInfo.Create(DiagnosticDescriptors.UnsafeCodeRequired, location, method.Name);
        return new DeclarationFacts(
            new ReadResult(model, diagnostics.ToEquatableArray(), read.Unresolved || ContainsErrorType(method.ReturnType), unsafeCodeRequired, request),
            DeclarationText.Read(method, syntax, context.SemanticModel));
    }

    private static DeclarationFacts Failed(List<DiagnosticInfo> diagnostics) =>
        new(new ReadResult(null, diagnostics.ToEquatableArray(), HasErrors: true, UnsafeCodeRequired: null, Request: null), null);

    /// <summary>Only a body that throws: the declaration as written, type parameters and ref return included.</summary>
    private static WrapperModel StubModel(IMethodSymbol method, EquatableArray<ContainingTypeModel> containingTypes)
    {
        string managed = TypeNames.FullyQualified(method.ReturnType);
        return new WrapperModel(
            string.Empty,
            NamespaceOf(method),
            containingTypes,
            string.Empty,
            string.Empty,
            TypeNames.Identifier(method.Name),
            new ReturnModel(managed, managed, ReturnKind.Blittable),
            EquatableArray<string>.Empty,
            EquatableArray<ParameterModel>.Empty,
            null,
            new NativeTarget(null, method.Name, false, null, false),
            Plan: null,
            method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : string.Empty,
            TypeParameterText.ListOf(method.TypeParameters),
            TypeParameterText.ConstraintsOf(method).ToEquatableArray());
    }

    private static string? NamespaceOf(IMethodSymbol method) =>
        method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;

    /// <summary>Whether an earlier declaration (by file, then position) of the same type has this name and signature.</summary>
    private static bool IsLaterDuplicate(IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        ImmutableArray<ISymbol> sameName = method.ContainingType.GetMembers(method.Name);
        if (sameName.Length == 1)
        {
            return false;
        }

        string hintName = DeclarationText.HintNameOf(method);
        string path = syntax.SyntaxTree.FilePath;
        return sameName.OfType<IMethodSymbol>()
            .Where(other => !SymbolEqualityComparer.Default.Equals(other, method) && DeclarationText.HintNameOf(other) == hintName)
            .SelectMany(other => other.DeclaringSyntaxReferences)
            .Any(reference => string.CompareOrdinal(reference.SyntaxTree.FilePath, path) < 0
                || (reference.SyntaxTree.FilePath == path && reference.Span.Start < syntax.SpanStart));
    }

    internal static bool ContainsErrorType(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol array => ContainsErrorType(array.ElementType),
        IPointerTypeSymbol pointer => ContainsErrorType(pointer.PointedAtType),
        INamedTypeSymbol { IsGenericType: true } named => named.TypeArguments.Any(ContainsErrorType),
        _ => false,
    };

    /// <summary>
    /// LibraryImport's rule: StringMarshalling.Custom needs StringMarshallingCustomType, and the type needs Custom. CharSet is
    /// DllImport's way of saying the same, so it stands alone.
    /// </summary>
    private static void ReadStringMarshalling(IMethodSymbol method, AttributeSettings settings, Location location, List<DiagnosticInfo> diagnostics)
    {
        bool custom = settings.StringMarshalling == ParameterClassifier.StringMarshallingCustom;
        if (custom && !settings.HasStringMarshallingCustomType)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidStringMarshallingCustom, location, method.Name,
                "sets StringMarshalling = StringMarshalling.Custom without StringMarshallingCustomType: name the marshaller type, or use Utf8 or Utf16"));
        }
        else if (!custom && settings.HasStringMarshallingCustomType)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidStringMarshallingCustom, location, method.Name,
                "sets StringMarshallingCustomType without StringMarshalling = StringMarshalling.Custom: set both, or remove the type"));
        }

        if (settings.CharSet is not null && (settings.StringMarshalling is not null || settings.HasStringMarshallingCustomType))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidStringMarshallingCustom, location, method.Name,
                "sets both CharSet and StringMarshalling: keep StringMarshalling ([LibraryImport]'s way) or CharSet ([DllImport]'s way), not both"));
        }
    }

    /// <summary>
    /// The result as it crosses, and what the planner judges of its type: a typedef-like struct (ssize_t) is judged, and
    /// crosses, as the integer inside it; through Wraps the raw method's own struct comes back, so there it is not.
    /// </summary>
    private static ReturnFacts ReadReturn(IMethodSymbol method, AttributeSettings settings, bool wraps, Location location, out ReturnModel model)
    {
        string managed = TypeNames.FullyQualified(method.ReturnType);
        ITypeSymbol? typedefInteger = wraps ? null : ParameterClassifier.TypedefUnderlying(method.ReturnType);
        ITypeSymbol type = typedefInteger ?? method.ReturnType;
        ReturnTraits traits = TraitsReader.Of(method, type, settings);

        // A SafeHandle's native type depends on the platform: the planner writes it.
        model = (traits & ReturnTraits.BoolAsInt) != 0 ? new ReturnModel(managed, "int", ReturnKind.BoolAsInt)
            : (traits & ReturnTraits.ConcreteSafeHandle) != 0 ? new ReturnModel(managed, string.Empty, ReturnKind.SafeHandle)
            : typedefInteger is not null ? new ReturnModel(managed, TypeNames.FullyQualified(typedefInteger), ReturnKind.Typedef)
            : new ReturnModel(managed, managed, ReturnKind.Blittable);
        return new ReturnFacts(method.ReturnType.ToDisplayString(), DiagnosticLocation.Of(method.Locations.FirstOrDefault() ?? location), traits);
    }

    /// <summary><c>Descriptors = DescriptorLocation.X</c> by its member's name; a member this generator does not know is a return value.</summary>
    private static DescriptorsSetting DescriptorsOf(string? member) =>
        member is null ? DescriptorsSetting.Unspecified
        : System.Enum.TryParse(member, out DescriptorsSetting setting) ? setting
        : DescriptorsSetting.ReturnValue;
}
