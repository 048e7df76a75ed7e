using System.Collections.Generic;
using System.Linq;
using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cloexec.Generators.Parsing;

/// <summary>The partial types the generated part goes into. Reports CLOEXEC0002 (not partial) and 0012 (generic).</summary>
internal static class ContainingTypeReader
{
    /// <summary>The types around the method, outermost first; <see langword="null"/> when one is not partial (no stub can go in).</summary>
    public static EquatableArray<ContainingTypeModel>? Read(IMethodSymbol method, Location location, List<DiagnosticInfo> diagnostics)
    {
        var types = new List<ContainingTypeModel>();
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            bool partial = type.DeclaringSyntaxReferences.Length > 0 && type.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax())
                .OfType<TypeDeclarationSyntax>()
                .All(d => d.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!partial)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeMustBePartial, type.Locations.FirstOrDefault() ?? location, type.Name, method.Name));
                return null;
            }

            // Generic types are an error too, but their stub can still go in: a partial part may omit the constraints.
            if (type.Arity > 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericMethodOrType, type.Locations.FirstOrDefault() ?? location, "Type", type.Name, method.Name));
            }

            types.Insert(0, new ContainingTypeModel(KeywordOf(type), TypeNames.Identifier(type.Name) + TypeParameterText.ListOf(type.TypeParameters)));
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
}
