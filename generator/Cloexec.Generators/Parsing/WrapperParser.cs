using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;
using Cloexec.Generators.Planning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cloexec.Generators.Parsing;

/// <summary>
/// The only place that sees symbols: one [CreatesDescriptor] method becomes diagnostics, a model, and the pieces its
/// text is written from (<see cref="DeclarationFacts"/>).
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
                new ParseResult(StubModel(method, containingTypes.Value), diagnostics.ToEquatableArray(), HasErrors: true, UnsafeCodeRequired: null),
                DeclarationText.Read(method, syntax, context.SemanticModel));
        }

        cancellationToken.ThrowIfCancellationRequested();
        AttributeData attribute = context.Attributes[0];
        var settings = AttributeSettings.Read(attribute);
        ReadStringMarshalling(method, settings, location, diagnostics);

        var parameters = new List<ParameterModel>();
        var nativeParameters = new List<IParameterSymbol>();
        string? cloexecParameter = null;
        bool hasCloexecParameter = method.Parameters.Any(p => p.Name == CloexecParameterName);

        // A type that does not resolve is the compiler's error to report, not ours; the method still gets a stub.
        bool unresolved = ContainsErrorType(method.ReturnType);
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (ContainsErrorType(parameter.Type))
            {
                unresolved = true;
            }

            if (parameter.Name == CloexecParameterName)
            {
                if (parameter.Type.SpecialType != SpecialType.System_Boolean && !IsNullableBoolean(parameter.Type) && !ContainsErrorType(parameter.Type))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCloexecParameter, LocationOf(parameter, location), method.Name, parameter.Type.ToDisplayString()));
                }

                cloexecParameter = TypeNames.Identifier(parameter.Name);
                continue;
            }

            nativeParameters.Add(parameter);
            ParameterClassifier.Classification classification = ParameterClassifier.Classify(parameter, settings);
            if (classification.Unsupported is not null && settings.Wraps is null && !ContainsErrorType(parameter.Type))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedParameterType, LocationOf(parameter, location), parameter.Name, method.Name, parameter.Type.ToDisplayString(),
                    CloexecNameHint.Refine(classification.Unsupported, parameter, hasCloexecParameter)));
            }

            string managedType = TypeNames.FullyQualified(parameter.Type);
            parameters.Add(new ParameterModel(
                TypeNames.Identifier(parameter.Name),
                managedType,
                classification.Unsupported is null ? classification.NativeType : managedType,
                classification.Kind,
                DirectionOf(parameter.RefKind),
                classification.Marshaller,
                classification.MarshallerFrees,
                classification.Encoding,
                classification.CopiedIn,
                classification.CopiedOut));
        }

        NativeTarget? target = TargetReader.Read(method, settings, nativeParameters, location, diagnostics);
        NativePlatform platform = NativeLibraries.PlatformOf(target?.LibraryName);
        CallPlan? plan = target is null ? null : PlanCall(method, settings, target, platform, nativeParameters, parameters, location, diagnostics);
        ReturnModel returnModel = ReadReturn(method, settings, plan, platform, target?.EntryPoint, wraps: settings.Wraps is not null, NativeLibraries.IsCrt(target?.LibraryName), location, diagnostics);
        if (target is not null)
        {
            VariadicDeclarations.Check(method, platform, target.EntryPoint, nativeParameters.Count, location, diagnostics);
        }

        var model = new WrapperModel(
            string.Empty,
            NamespaceOf(method),
            containingTypes.Value,
            string.Empty,
            string.Empty,
            TypeNames.Identifier(method.Name),
            returnModel,
            EquatableArray<string>.Empty,
            parameters.ToEquatableArray(),
            cloexecParameter,
            target ?? new NativeTarget(null, method.Name, false, null, false),
            plan ?? CallPlan.Nothing);
        bool hasErrors = unresolved || diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
        var unsafeCodeRequired = DiagnosticInfo.Create(DiagnosticDescriptors.UnsafeCodeRequired, location, method.Name);
        return new DeclarationFacts(new ParseResult(model, diagnostics.ToEquatableArray(), hasErrors, unsafeCodeRequired), DeclarationText.Read(method, syntax, context.SemanticModel));
    }

    private static DeclarationFacts Failed(List<DiagnosticInfo> diagnostics) =>
        new(new ParseResult(null, diagnostics.ToEquatableArray(), HasErrors: true, UnsafeCodeRequired: null), null);

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
            CallPlan.Nothing,
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

    private static bool ContainsErrorType(ITypeSymbol type) => type switch
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

    private static CallPlan? PlanCall(
        IMethodSymbol method, AttributeSettings settings, NativeTarget target, NativePlatform platform, List<IParameterSymbol> nativeParameters,
        List<ParameterModel> parameters, Location location, List<DiagnosticInfo> diagnostics)
    {
        var context = new PlanContext(method, target.EntryPoint, nativeParameters, parameters, target.WrapsMethodName is not null, location, diagnostics);
        NativeResource resource = NativeLibraries.IsWinsock(target.LibraryName) ? NativeResource.Socket
            : NativeLibraries.IsMsvcrt(target.LibraryName) ? NativeResource.MsvcrtDescriptor
            : NativeResource.Descriptor;
        return CallPlanner.Plan(context, settings, EntryPointTable.Find(target.EntryPoint, platform), resource);
    }

    /// <param name="crt">Whether the library is a C runtime: its descriptors are ints of its own table, not HANDLEs a SafeHandle could close.</param>
    private static ReturnModel ReadReturn(
        IMethodSymbol method, AttributeSettings settings, CallPlan? plan, NativePlatform platform, string? entryPoint, bool wraps, bool crt, Location location, List<DiagnosticInfo> diagnostics)
    {
        string managed = TypeNames.FullyQualified(method.ReturnType);
        // A typedef-like struct (ssize_t) is judged, and crosses, as the integer inside it; through Wraps the raw method's
        // own struct would come back, so there it stays unsupported.
        ITypeSymbol? typedefInteger = wraps ? null : ParameterClassifier.TypedefUnderlying(method.ReturnType);
        ITypeSymbol type = typedefInteger ?? method.ReturnType;
        DescriptorOutput output = plan?.Output ?? DescriptorOutput.ReturnValue;
        bool socket = plan?.Resource == NativeResource.Socket;
        bool safeHandle = ParameterClassifier.IsSafeHandle(type) && !type.IsAbstract;
        bool supported = output switch
        {
            DescriptorOutput.ReturnValue when socket => type.SpecialType is SpecialType.System_IntPtr || safeHandle,
            DescriptorOutput.ReturnValue when crt => type.SpecialType is SpecialType.System_Int32,
            DescriptorOutput.ReturnValue => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_IntPtr || safeHandle,
            DescriptorOutput.OutArguments => type.SpecialType is SpecialType.System_Int32 || ParameterClassifier.ReturnsBoolAsInt(method, settings),
            DescriptorOutput.Pair or DescriptorOutput.ReceivedRightsMessages or DescriptorOutput.TwoOutPointers => type.SpecialType is SpecialType.System_Int32,
            DescriptorOutput.Stream or DescriptorOutput.ReopenedStream or DescriptorOutput.ProcessStream or DescriptorOutput.Directory => type.SpecialType is SpecialType.System_IntPtr,
            DescriptorOutput.HandleOrNull => type.SpecialType is SpecialType.System_IntPtr || safeHandle,
            DescriptorOutput.OutDescriptor => type.SpecialType is SpecialType.System_Int32,
            _ => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_IntPtr or SpecialType.System_Int64,
        };
        if (!supported && !ContainsErrorType(type))
        {
            string expected = output switch
            {
                DescriptorOutput.ReturnValue when socket => "a SOCKET: declare 'nint' or a SafeHandle type",
                DescriptorOutput.ReturnValue when crt => "a descriptor of the C runtime's own table, not a HANDLE: declare 'int'",
                DescriptorOutput.ReturnValue => "a descriptor: declare 'int', 'nint' or a SafeHandle type",
                DescriptorOutput.Pair => "0 or -1: declare 'int'",
                DescriptorOutput.OutArguments => "a BOOL: declare 'int', or 'bool' with [return: MarshalAs(UnmanagedType.Bool)]",
                DescriptorOutput.ReceivedRightsMessages => "a count of messages: declare 'int'",
                DescriptorOutput.TwoOutPointers => "0 or -1: declare 'int'",
                DescriptorOutput.Stream or DescriptorOutput.ReopenedStream or DescriptorOutput.ProcessStream => "a FILE*: declare 'nint'",
                DescriptorOutput.Directory => "a DIR*: declare 'nint'",
                DescriptorOutput.HandleOrNull => "a HANDLE: declare 'nint' or a SafeHandle type",
                DescriptorOutput.OutDescriptor => "an errno_t: declare 'int'",
                _ => "a byte count: declare 'nint', 'long' or 'int'",
            };
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedReturnType, method.Locations.FirstOrDefault() ?? location, method.Name, method.ReturnType.ToDisplayString(), entryPoint ?? method.Name, expected));
        }

        // A Unix descriptor comes back as a C int: read as nint, its upper half would be whatever the register held.
        // A Windows HANDLE or SOCKET is pointer-sized.
        string safeHandleNative = platform == NativePlatform.Windows ? "nint" : "int";
        if (ParameterClassifier.ReturnsBoolAsInt(method, settings))
        {
            return new ReturnModel(managed, "int", ReturnKind.BoolAsInt);
        }

        if (safeHandle)
        {
            return new ReturnModel(managed, safeHandleNative, ReturnKind.SafeHandle);
        }

        return typedefInteger is not null && supported
            ? new ReturnModel(managed, TypeNames.FullyQualified(typedefInteger), ReturnKind.Typedef)
            : new ReturnModel(managed, managed, ReturnKind.Blittable);
    }

    private static ParameterDirection DirectionOf(RefKind refKind) => refKind switch
    {
        RefKind.Ref => ParameterDirection.Ref,
        RefKind.Out => ParameterDirection.Out,
        RefKind.In or RefKind.RefReadOnlyParameter => ParameterDirection.ReadOnlyRef,
        _ => ParameterDirection.In,
    };

    internal static bool IsNullableBoolean(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, Name: "Nullable" } named && named.TypeArguments[0].SpecialType == SpecialType.System_Boolean;

    private static Location LocationOf(IParameterSymbol parameter, Location fallback) => parameter.Locations.FirstOrDefault() ?? fallback;
}
