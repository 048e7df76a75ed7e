using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cloexec.Generators.Parsing;

/// <summary>The only place that sees symbols: one [CreatesDescriptor] method becomes a model and diagnostics.</summary>
internal static class WrapperParser
{
    internal const string CloexecParameterName = "cloexec";

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var method = (IMethodSymbol)context.TargetSymbol;
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        var diagnostics = new List<DiagnosticInfo>();
        Location location = syntax.Identifier.GetLocation();

        // A method that lacks only 'static' still gets a stub: without one the compiler adds its own error.
        bool canHaveStub = syntax.Modifiers.Any(SyntaxKind.PartialKeyword) && !method.IsGenericMethod
            && syntax.Body is null && syntax.ExpressionBody is null && !method.ReturnsByRef && !method.ReturnsByRefReadonly;
        if (!method.IsStatic || !canHaveStub)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodMustBeStaticPartial, location, method.Name));
            if (!canHaveStub)
            {
                return Failed(diagnostics);
            }
        }

        EquatableArray<ContainingTypeModel>? containingTypes = ReadContainingTypes(method, location, diagnostics);
        if (containingTypes is null)
        {
            return Failed(diagnostics);
        }

        cancellationToken.ThrowIfCancellationRequested();
        AttributeData attribute = context.Attributes[0];
        var settings = AttributeSettings.Read(attribute);

        var parameters = new List<ParameterModel>();
        var nativeParameters = new List<IParameterSymbol>();
        string? cloexecParameter = null;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.Name == CloexecParameterName)
            {
                if (parameter.Type.SpecialType != SpecialType.System_Boolean && !IsNullableBoolean(parameter.Type))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCloexecParameter, LocationOf(parameter, location), method.Name, parameter.Type.ToDisplayString()));
                }

                cloexecParameter = TypeNames.Identifier(parameter.Name);
                continue;
            }

            nativeParameters.Add(parameter);
            ParameterClassifier.Classification classification = ParameterClassifier.Classify(parameter, settings.StringMarshalling);
            if (classification.Unsupported is not null && settings.Wraps is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedParameterType, LocationOf(parameter, location), parameter.Name, method.Name, parameter.Type.ToDisplayString(), classification.Unsupported));
            }

            string managedType = TypeNames.FullyQualified(parameter.Type);
            parameters.Add(new ParameterModel(
                TypeNames.Identifier(parameter.Name),
                managedType,
                classification.Unsupported is null ? classification.NativeType : managedType,
                classification.Kind,
                DirectionOf(parameter.RefKind)));
        }

        NativeTarget? target = ReadTarget(method, settings, nativeParameters, location, diagnostics);
        NativePlatform platform = NativeLibraries.PlatformOf(target?.LibraryName);
        CallPlan? plan = target is null ? null : PlanCall(method, settings, target, platform, nativeParameters, parameters, location, diagnostics);
        ReturnModel returnModel = ReadReturn(method, plan, platform, target?.EntryPoint, location, diagnostics);
        if (target is not null)
        {
            VariadicDeclarations.Check(method, platform, target.EntryPoint, nativeParameters.Count, location, diagnostics);
        }

        var model = new WrapperModel(
            HintName(method),
            method.ContainingNamespace.IsGlobalNamespace ? null : method.ContainingNamespace.ToDisplayString(),
            containingTypes.Value,
            DocumentationOf(syntax, context.SemanticModel),
            ModifiersOf(syntax),
            TypeNames.Identifier(method.Name),
            returnModel,
            method.Parameters.Select(SignatureOf).ToEquatableArray(),
            parameters.ToEquatableArray(),
            cloexecParameter,
            target ?? new NativeTarget(null, method.Name, false, null, false),
            plan ?? new CallPlan("None", "None", -1, DescriptorOutput.ReturnValue, -1, null));
        bool hasErrors = diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
        var unsafeCodeRequired = DiagnosticInfo.Create(DiagnosticDescriptors.UnsafeCodeRequired, location, method.Name);
        return new ParseResult(model, diagnostics.ToEquatableArray(), hasErrors, unsafeCodeRequired);
    }

    private static ParseResult Failed(List<DiagnosticInfo> diagnostics) =>
        new(null, diagnostics.ToEquatableArray(), HasErrors: true, UnsafeCodeRequired: null);

    private static EquatableArray<ContainingTypeModel>? ReadContainingTypes(IMethodSymbol method, Location location, List<DiagnosticInfo> diagnostics)
    {
        var types = new List<ContainingTypeModel>();
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            bool partial = type.DeclaringSyntaxReferences.Length > 0 && type.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax())
                .OfType<TypeDeclarationSyntax>()
                .All(d => d.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!partial || type.IsGenericType)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeMustBePartial, type.Locations.FirstOrDefault() ?? location, type.Name, method.Name));
                return null;
            }

            types.Insert(0, new ContainingTypeModel(KeywordOf(type), type.Name));
        }

        return types.ToEquatableArray();
    }

    private static string KeywordOf(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    private static NativeTarget? ReadTarget(IMethodSymbol method, AttributeSettings settings, List<IParameterSymbol> nativeParameters, Location location, List<DiagnosticInfo> diagnostics)
    {
        bool hasLibrary = !string.IsNullOrWhiteSpace(settings.LibraryName);
        bool hasWraps = !string.IsNullOrWhiteSpace(settings.Wraps);
        if (hasLibrary == hasWraps)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LibraryOrWrapsRequired, location, method.Name));
            return null;
        }

        if (hasLibrary)
        {
            return new NativeTarget(settings.LibraryName, settings.EntryPoint ?? method.Name, settings.SetLastError, null, false);
        }

        IMethodSymbol[] candidates = method.ContainingType.GetMembers(settings.Wraps!).OfType<IMethodSymbol>().ToArray();
        if (candidates.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidWraps, location, settings.Wraps!, method.Name, "names no method of " + method.ContainingType.Name));
            return null;
        }

        IMethodSymbol? raw = candidates.FirstOrDefault(c => SignatureMatches(c, method, nativeParameters));
        if (raw is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidWraps, location, settings.Wraps!, method.Name, "names no static method with the same return type and parameters less 'cloexec'"));
            return null;
        }

        AttributeData? libraryImport = raw.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.LibraryImportAttribute");
        DllImportData? dllImport = raw.GetDllImportData();
        if (libraryImport is null && dllImport is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidWraps, location, settings.Wraps!, method.Name, "names a method that is neither [LibraryImport] nor [DllImport]"));
            return null;
        }

        string rawEntryPoint = (libraryImport is not null ? NamedString(libraryImport, "EntryPoint") : dllImport!.EntryPointName) ?? raw.Name;
        bool rawSetsLastError = libraryImport is not null ? NamedBool(libraryImport, "SetLastError") : dllImport!.SetLastError;
        string? rawLibrary = libraryImport is not null
            ? libraryImport.ConstructorArguments.FirstOrDefault().Value as string
            : dllImport!.ModuleName;
        return new NativeTarget(rawLibrary, settings.EntryPoint ?? rawEntryPoint, rawSetsLastError, TypeNames.Identifier(raw.Name), rawSetsLastError);
    }

    private static bool SignatureMatches(IMethodSymbol raw, IMethodSymbol wrapper, List<IParameterSymbol> nativeParameters) =>
        raw.IsStatic
        && !SymbolEqualityComparer.Default.Equals(raw, wrapper)
        && raw.Parameters.Length == nativeParameters.Count
        && SymbolEqualityComparer.Default.Equals(raw.ReturnType, wrapper.ReturnType)
        && raw.Parameters.Zip(nativeParameters, (r, w) => r.RefKind == w.RefKind && SymbolEqualityComparer.Default.Equals(r.Type, w.Type)).All(same => same);

    private static CallPlan? PlanCall(
        IMethodSymbol method, AttributeSettings settings, NativeTarget target, NativePlatform platform, List<IParameterSymbol> nativeParameters,
        List<ParameterModel> parameters, Location location, List<DiagnosticInfo> diagnostics)
    {
        string entryPoint = target.EntryPoint;
        bool wraps = target.WrapsMethodName is not null;
        EntryPointInfo? known = EntryPointTable.Find(entryPoint, platform);
        DescriptorOutput output = known?.Output ?? DescriptorOutput.ReturnValue;
        int outputArgument = known?.OutputArgument ?? -1;
        NativeResource resource = NativeLibraries.IsWinsock(target.LibraryName) ? NativeResource.Socket : NativeResource.Descriptor;

        CallPlan? plan;
        if (settings.FlagsParameter is not null)
        {
            int index = nativeParameters.FindIndex(p => p.Name == settings.FlagsParameter);
            string? flag = settings.Flag is not null and not "None" ? settings.Flag : known?.Flag;
            if (index < 0 || flag is null || flag == "None" || !FlagArgumentFits(flag, nativeParameters[index], wraps))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFlagsParameter, location, settings.FlagsParameter, method.Name));
                return null;
            }

            plan = new CallPlan(flag, EntryPointTable.WayOfFlag(flag) ?? "None", index, output, outputArgument, null, known?.PassThroughWhen, resource);
        }
        else if (settings.Flag == "None")
        {
            plan = new CallPlan(known?.Flag ?? "None", "None", -1, output, outputArgument, null, known?.PassThroughWhen, resource);
        }
        else if (known is not null && (settings.Flag is null || settings.Flag == known.Flag))
        {
            UpgradePlan? upgrade = known.Sibling is null || wraps ? null : PlanUpgrade(known.Sibling, parameters);
            string way = known.Sibling is not null && wraps ? "None" : known.Way;
            plan = new CallPlan(known.Flag, way, known.FlagArgument, output, outputArgument, upgrade, known.PassThroughWhen, resource);
        }
        else
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownEntryPoint, location, entryPoint, method.Name));
            return null;
        }

        return CheckArguments(method, entryPoint, plan, known, nativeParameters, wraps, location, diagnostics) ? plan : null;
    }

    /// <summary>Whether <paramref name="parameter"/> can take <paramref name="flag"/>, by the shape of argument the family needs.</summary>
    private static bool FlagArgumentFits(string flag, IParameterSymbol parameter, bool wraps) => EntryPointTable.ShapeOfFlag(flag) switch
    {
        // By reference only when the wrapper pins it itself: a raw method's 'ref' cannot be handed another struct.
        FlagArgumentShape.SecurityAttributesPointer => parameter.RefKind == RefKind.None
            ? parameter.Type.TypeKind == TypeKind.Pointer || parameter.Type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr
            : !wraps && parameter.RefKind is RefKind.Ref or RefKind.In && ParameterClassifier.IsBlittable(parameter.Type),
        FlagArgumentShape.InheritBool => parameter.RefKind == RefKind.None
            && (ParameterClassifier.IsFlagsType(parameter.Type) || parameter.Type.SpecialType == SpecialType.System_Boolean),
        _ => ParameterClassifier.IsFlagsParameter(parameter),
    };

    private static string ShapeDescription(string flag) => EntryPointTable.ShapeOfFlag(flag) switch
    {
        FlagArgumentShape.SecurityAttributesPointer => "a SECURITY_ATTRIBUTES pointer: a pointer type, nint, or (without Wraps) a ref/in struct",
        FlagArgumentShape.InheritBool => "a BOOL: int, uint, or bool with [MarshalAs(UnmanagedType.Bool)]",
        _ => "int, uint or an enum of those",
    };

    private static UpgradePlan PlanUpgrade(SiblingInfo sibling, List<ParameterModel> parameters)
    {
        var types = sibling.Arguments.Select(argument =>
        {
            int index = PlaceholderIndex(argument);
            return index >= 0 && index < parameters.Count ? parameters[index].NativeType : "int";
        });
        return new UpgradePlan(sibling.EntryPoint, sibling.Arguments.ToEquatableArray(), types.ToEquatableArray());
    }

    /// <summary>The legacy argument a template that is exactly <c>{n}</c> passes on, else -1.</summary>
    internal static int PlaceholderIndex(string template) =>
        template.Length >= 3 && template[0] == '{' && template[template.Length - 1] == '}' && int.TryParse(template.Substring(1, template.Length - 2), out int index)
            ? index
            : -1;

    /// <summary>The largest <c>{n}</c> any of the templates names, -1 when none does.</summary>
    private static int LargestPlaceholder(IEnumerable<string> templates) =>
        templates.SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t, @"\{(\d+)\}").Cast<System.Text.RegularExpressions.Match>())
            .Select(m => int.Parse(m.Groups[1].Value))
            .DefaultIfEmpty(-1)
            .Max();

    private static bool CheckArguments(
        IMethodSymbol method, string entryPoint, CallPlan plan, EntryPointInfo? known, List<IParameterSymbol> nativeParameters, bool wraps, Location location, List<DiagnosticInfo> diagnostics)
    {
        int needed = new[]
        {
            plan.FlagArgumentIndex,
            plan.OutputArgumentIndex,
            LargestPlaceholder(known?.Sibling?.Arguments ?? []),
            LargestPlaceholder(plan.PassThroughWhen is { } condition ? [condition] : []),
        }.Max();
        if (needed >= nativeParameters.Count)
        {
            string what = needed == plan.FlagArgumentIndex ? "its flags" : needed == plan.OutputArgumentIndex ? "its descriptors" : "an argument";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingFlagArgument, location, entryPoint, what, needed.ToString(), method.Name, nativeParameters.Count.ToString()));
            return false;
        }

        if (plan.FlagArgumentIndex >= 0 && !FlagArgumentFits(plan.Flag, nativeParameters[plan.FlagArgumentIndex], wraps))
        {
            IParameterSymbol flags = nativeParameters[plan.FlagArgumentIndex];
            if (EntryPointTable.ShapeOfFlag(plan.Flag) == FlagArgumentShape.Bits)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFlagsParameter, LocationOf(flags, location), flags.Name, method.Name));
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidInheritanceArgument, LocationOf(flags, location), entryPoint, flags.Name, method.Name, ShapeDescription(plan.Flag)));
            }

            return false;
        }

        return true;
    }

    private static ReturnModel ReadReturn(IMethodSymbol method, CallPlan? plan, NativePlatform platform, string? entryPoint, Location location, List<DiagnosticInfo> diagnostics)
    {
        ITypeSymbol type = method.ReturnType;
        string managed = TypeNames.FullyQualified(type);
        DescriptorOutput output = plan?.Output ?? DescriptorOutput.ReturnValue;
        bool socket = plan?.Resource == NativeResource.Socket;
        bool safeHandle = ParameterClassifier.IsSafeHandle(type) && !type.IsAbstract;
        bool supported = output switch
        {
            DescriptorOutput.ReturnValue when socket => type.SpecialType is SpecialType.System_IntPtr || safeHandle,
            DescriptorOutput.ReturnValue => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_IntPtr || safeHandle,
            DescriptorOutput.Pair or DescriptorOutput.OutArguments => type.SpecialType is SpecialType.System_Int32,
            _ => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_IntPtr or SpecialType.System_Int64,
        };
        if (!supported)
        {
            string expected = output switch
            {
                DescriptorOutput.ReturnValue when socket => "a SOCKET: declare 'nint' or a SafeHandle type",
                DescriptorOutput.ReturnValue => "a descriptor: declare 'int', 'nint' or a SafeHandle type",
                DescriptorOutput.Pair => "0 or -1: declare 'int'",
                DescriptorOutput.OutArguments => "a BOOL: declare 'int'",
                _ => "a byte count: declare 'nint', 'long' or 'int'",
            };
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedReturnType, method.Locations.FirstOrDefault() ?? location, method.Name, type.ToDisplayString(), entryPoint ?? method.Name, expected));
        }

        // A Unix descriptor comes back as a C int: read as nint, its upper half would be whatever the register held.
        // A Windows HANDLE or SOCKET is pointer-sized.
        string safeHandleNative = platform == NativePlatform.Windows ? "nint" : "int";
        return safeHandle ? new ReturnModel(managed, safeHandleNative, ReturnKind.SafeHandle) : new ReturnModel(managed, managed, ReturnKind.Blittable);
    }

    private static string SignatureOf(IParameterSymbol parameter)
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
        return (scoped ? "scoped " : string.Empty) + prefix + TypeNames.FullyQualified(parameter.Type) + " " + TypeNames.Identifier(parameter.Name);
    }

    private static ParameterDirection DirectionOf(RefKind refKind) => refKind switch
    {
        RefKind.Ref => ParameterDirection.Ref,
        RefKind.Out => ParameterDirection.Out,
        RefKind.In or RefKind.RefReadOnlyParameter => ParameterDirection.ReadOnlyRef,
        _ => ParameterDirection.In,
    };

    private static bool IsNullableBoolean(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, Name: "Nullable" } named && named.TypeArguments[0].SpecialType == SpecialType.System_Boolean;

    private static Location LocationOf(IParameterSymbol parameter, Location fallback) => parameter.Locations.FirstOrDefault() ?? fallback;

    private static string ModifiersOf(MethodDeclarationSyntax syntax)
    {
        IEnumerable<string> kept = syntax.Modifiers
            .Where(m => !m.IsKind(SyntaxKind.PartialKeyword))
            .Select(m => m.Text);
        return string.Join(" ", kept.Concat(["partial"]));
    }

    private static string DocumentationOf(MethodDeclarationSyntax syntax, SemanticModel semanticModel)
    {
        var text = new StringBuilder();
        foreach (SyntaxTrivia trivia in syntax.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia))
            {
                foreach (string line in WithCrefsAsIds(trivia, semanticModel).Split('\n'))
                {
                    string trimmed = line.Trim();
                    if (trimmed.Length > 0)
                    {
                        text.Append(trimmed).Append('\n');
                    }
                }
            }
        }

        return text.ToString();
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

    private static string HintName(IMethodSymbol method)
    {
        string signature = string.Join(",", method.Parameters.Select(p => p.RefKind + " " + p.Type.ToDisplayString()));
        uint hash = 2166136261;
        foreach (char c in signature)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        string type = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);
        return $"{type}.{method.Name}.{hash:x8}.g.cs";
    }

    private static string? NamedString(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static bool NamedBool(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is true;
}
