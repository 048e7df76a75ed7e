using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
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
            TypeFacts facts = s_facts.GetValue(type, static t => TypeFacts.Of(t));
            if (!facts.Partial)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeMustBePartial, type.Locations.FirstOrDefault() ?? location, type.Name, method.Name));
                return null;
            }

            // Generic types are an error too, but their stub can still go in: a partial part may omit the constraints.
            if (type.Arity > 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericMethodOrType, type.Locations.FirstOrDefault() ?? location, "Type", type.Name, method.Name));
            }

            types.Insert(0, facts.Model);
        }

        return types.ToEquatableArray();
    }

    // A type holds many declarations, each read again on every edit: what the type itself says is read once per
    // compilation (its symbols are a compilation's own, so the weak keys go with it).
    private static readonly ConditionalWeakTable<INamedTypeSymbol, TypeFacts> s_facts = new();

    private sealed class TypeFacts(bool partial, ContainingTypeModel model)
    {
        public bool Partial { get; } = partial;

        public ContainingTypeModel Model { get; } = model;

        public static TypeFacts Of(INamedTypeSymbol type) => new(
            type.DeclaringSyntaxReferences.Length > 0 && type.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax())
                .OfType<TypeDeclarationSyntax>()
                .All(d => d.Modifiers.Any(SyntaxKind.PartialKeyword)),
            new ContainingTypeModel(KeywordOf(type), TypeNames.Identifier(type.Name) + TypeParameterText.ListOf(type.TypeParameters)));
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
