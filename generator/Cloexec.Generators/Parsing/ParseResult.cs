using Cloexec.Generators.Model;

namespace Cloexec.Generators.Parsing;

/// <summary>The parse step's output: a model to emit (a throwing stub when <see cref="HasErrors"/>) and what to report.</summary>
internal sealed record ParseResult(WrapperModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, bool HasErrors);
