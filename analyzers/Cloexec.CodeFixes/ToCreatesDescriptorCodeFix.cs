using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Cloexec.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Cloexec.CodeFixes;

/// <summary>Offers CLOEXEC0200's and CLOEXEC0202's fix: the raw import becomes a [CreatesDescriptor] partial method (see <see cref="RawImportConversion"/>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ToCreatesDescriptorCodeFix)), Shared]
public sealed class ToCreatesDescriptorCodeFix : CodeFixProvider
{
    private const string Title = "Declare with [CreatesDescriptor]";

    public override ImmutableArray<string> FixableDiagnosticIds =>
        [AnalyzerDescriptors.RawDescriptorImport.Id, AnalyzerDescriptors.ArgumentInheritanceImport.Id];

    /// <summary>
    /// One rewrite per document with all of that document's diagnostics. The batch fixer instead makes each fix alone
    /// against the same original and merges their text changes, dropping a fix whose changes intersect one already
    /// taken: every fix of a file adds the same 'using Cloexec;' and 'partial', and neighbouring methods' diffs touch,
    /// so one `dotnet format` run converted only some declarations (2 of 7 in one file).
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) => diagnostics.IsEmpty
            ? null
            : await RawImportConversion.ConvertAsync(document, diagnostics.Select(d => d.Location.SourceSpan), context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (await RawImportConversion.CanConvertAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, token => RawImportConversion.ConvertAsync(context.Document, [diagnostic.Location.SourceSpan], token), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }
}
