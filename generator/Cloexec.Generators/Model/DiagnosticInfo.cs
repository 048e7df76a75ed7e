using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cloexec.Generators.Model;

/// <summary>A diagnostic kept as plain data (a Location holds a syntax tree, which would defeat caching).</summary>
internal sealed record DiagnosticInfo(
    DiagnosticDescriptor Descriptor,
    string? FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan,
    EquatableArray<string> MessageArguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArguments)
    {
        location ??= Location.None;
        return new DiagnosticInfo(
            descriptor,
            location.SourceTree?.FilePath,
            location.SourceSpan,
            location.GetLineSpan().Span,
            messageArguments.ToEquatableArray());
    }

    public Diagnostic ToDiagnostic()
    {
        Location location = FilePath is null ? Location.None : Location.Create(FilePath, Span, LineSpan);
        return Diagnostic.Create(Descriptor, location, MessageArguments.Select(a => (object)a).ToArray());
    }
}
