using System.Linq;
using Cloexec.Generators.Emitting;
using Cloexec.Generators.Model;
using Cloexec.Generators.Parsing;
using Cloexec.Generators.Planning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Cloexec.Generators;

/// <summary>
/// Writes the body of every <c>[CreatesDescriptor]</c> method: syntax → <see cref="DeclarationFacts"/> (read) → <see cref="ParseResult"/> (planned, then its text) → C# text.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CreatesDescriptorGenerator : IIncrementalGenerator
{
    internal const string AttributeMetadataName = "Cloexec.CreatesDescriptorAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Roslyn reruns this transform for every declaration whenever the compilation changes, so it only reads symbols;
        // the plan and the text are made in the Selects after it, which an unrelated edit leaves Cached.
        IncrementalValuesProvider<DeclarationFacts> read = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeMetadataName,
                static (node, _) => node is MethodDeclarationSyntax,
                WrapperParser.Read)
            .WithTrackingName(TrackingNames.Read);

        IncrementalValuesProvider<PlannedDeclaration> planned = read
            .Select(static (facts, _) => new PlannedDeclaration(DeclarationPlanner.Plan(facts.Read), facts.Text))
            .WithTrackingName(TrackingNames.Plan);

        IncrementalValuesProvider<ParseResult> parsed = planned
            .Select(static (declaration, _) => declaration.ToParseResult())
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValueProvider<bool> allowUnsafe = context.CompilationProvider
            .Select(static (compilation, _) => compilation.Options is CSharpCompilationOptions { AllowUnsafe: true })
            .WithTrackingName(TrackingNames.AllowUnsafe);

        IncrementalValuesProvider<ParseResult> checkedResults = parsed
            .Combine(allowUnsafe)
            .Select(static (pair, _) => RequireUnsafe(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Checked);

        context.RegisterSourceOutput(checkedResults, static (output, result) =>
        {
            foreach (DiagnosticInfo diagnostic in result.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (result.Model is { } model)
            {
                output.AddSource(model.HintName, SourceText.From(WrapperEmitter.Emit(model, stub: result.HasErrors, unsafeContext: result.AllowUnsafe), System.Text.Encoding.UTF8));
            }
        });
    }

    private static ParseResult RequireUnsafe(ParseResult result, bool allowUnsafe)
    {
        if (allowUnsafe || result.UnsafeCodeRequired is not { } unsafeCodeRequired)
        {
            return result with { AllowUnsafe = allowUnsafe };
        }

        return result with { AllowUnsafe = false, Diagnostics = result.Diagnostics.Append(unsafeCodeRequired).ToEquatableArray(), HasErrors = true };
    }
}
