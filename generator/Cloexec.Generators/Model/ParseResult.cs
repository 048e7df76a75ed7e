namespace Cloexec.Generators.Model;

/// <summary>The parse step's output: a model to emit (a throwing stub when <see cref="HasErrors"/>) and what to report.</summary>
/// <param name="UnsafeCodeRequired">
/// What to report, at the method, if the project turns out not to allow unsafe code; <see langword="null"/> without a model.
/// </param>
/// <param name="AllowUnsafe">Whether the project allows unsafe code, filled in after parsing; a stub is unsafe only then.</param>
internal sealed record ParseResult(WrapperModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, bool HasErrors, DiagnosticInfo? UnsafeCodeRequired, bool AllowUnsafe = true);
