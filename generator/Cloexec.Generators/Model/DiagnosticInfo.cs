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
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArguments) =>
        Create(descriptor, DiagnosticLocation.Of(location), messageArguments);

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, DiagnosticLocation location, params string[] messageArguments) =>
        new(descriptor, location.FilePath, location.Span, location.LineSpan, messageArguments.ToEquatableArray());

    public Diagnostic ToDiagnostic()
    {
        Location location = FilePath is null ? Location.None : Location.Create(FilePath, Span, LineSpan);
        return Diagnostic.Create(Descriptor, location, MessageArguments.Select(a => (object)a).ToArray());
    }
}

/// <summary>Where a diagnostic goes, kept as plain data so that the planner can report without a syntax tree.</summary>
internal sealed record DiagnosticLocation(string? FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static DiagnosticLocation Of(Location? location)
    {
        location ??= Location.None;
        return new(location.SourceTree?.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }
}
