using System.Collections.Generic;
using System.Linq;
using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Parsing;

/// <summary>What reading a declaration's parameters gives: their models, the ones passed on to the native function, the cloexec parameter.</summary>
/// <param name="Models">Each native parameter's model, in order (the cloexec parameter is not one).</param>
/// <param name="Native">The parameters the native function takes: all but the cloexec parameter.</param>
/// <param name="CloexecParameter">The cloexec parameter's identifier as written in code, or null when there is none.</param>
/// <param name="Unresolved">Whether a parameter's type does not resolve: the compiler's error, and the method still gets a stub.</param>
internal sealed record ParametersRead(EquatableArray<ParameterModel> Models, IReadOnlyList<IParameterSymbol> Native, string? CloexecParameter, bool Unresolved);

/// <summary>The parameters of a [CreatesDescriptor] method, each classified as [DllImport] would marshal it.</summary>
internal static class ParametersReader
{
    public static ParametersRead Read(IMethodSymbol method, AttributeSettings settings, Location location, List<DiagnosticInfo> diagnostics)
    {
        var models = new List<ParameterModel>();
        var native = new List<IParameterSymbol>();
        string? cloexecParameter = null;
        bool hasCloexecParameter = method.Parameters.Any(p => p.Name == WrapperParser.CloexecParameterName);
        bool unresolved = false;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            bool errorType = WrapperParser.ContainsErrorType(parameter.Type);
            unresolved |= errorType;
            if (parameter.Name == WrapperParser.CloexecParameterName)
            {
                if (parameter.Type.SpecialType != SpecialType.System_Boolean && !IsNullableBoolean(parameter.Type) && !errorType)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCloexecParameter, LocationOf(parameter, location), method.Name, parameter.Type.ToDisplayString()));
                }

                cloexecParameter = TypeNames.Identifier(parameter.Name);
                continue;
            }

            native.Add(parameter);
            models.Add(Model(method, parameter, settings, location, hasCloexecParameter, errorType, diagnostics));
        }

        return new ParametersRead(models.ToEquatableArray(), native, cloexecParameter, unresolved);
    }

    public static Location LocationOf(IParameterSymbol parameter, Location fallback) => parameter.Locations.FirstOrDefault() ?? fallback;

    internal static bool IsNullableBoolean(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, Name: "Nullable" } named && named.TypeArguments[0].SpecialType == SpecialType.System_Boolean;

    private static ParameterModel Model(
        IMethodSymbol method, IParameterSymbol parameter, AttributeSettings settings, Location location, bool hasCloexecParameter, bool errorType,
        List<DiagnosticInfo> diagnostics)
    {
        ParameterClassifier.Classification classification = ParameterClassifier.Classify(parameter, settings);
        if (classification.Unsupported is not null && settings.Wraps is null && !errorType)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedParameterType, LocationOf(parameter, location), parameter.Name, method.Name, parameter.Type.ToDisplayString(),
                CloexecNameHint.Refine(classification.Unsupported, parameter, hasCloexecParameter)));
        }

        string managedType = TypeNames.FullyQualified(parameter.Type);
        return new ParameterModel(
            TypeNames.Identifier(parameter.Name),
            managedType,
            classification.Unsupported is null ? classification.NativeType : managedType,
            classification.Kind,
            DirectionOf(parameter.RefKind),
            classification.Marshaller,
            classification.MarshallerFrees,
            classification.Encoding,
            classification.CopiedIn,
            classification.CopiedOut);
    }

    private static ParameterDirection DirectionOf(RefKind refKind) => refKind switch
    {
        RefKind.Ref => ParameterDirection.Ref,
        RefKind.Out => ParameterDirection.Out,
        RefKind.In or RefKind.RefReadOnlyParameter => ParameterDirection.ReadOnlyRef,
        _ => ParameterDirection.In,
    };
}
