namespace Cloexec.Generators.Parsing;

/// <summary>
/// The symbol read's output for one declaration (<see cref="TrackingNames.Read"/>): what only its symbols can give,
/// compared by value. Roslyn reruns the read for every declaration on each edit; the model's text is written from
/// <see cref="Text"/> in the next step (<see cref="TrackingNames.Parse"/>), which it skips while these facts compare equal.
/// </summary>
/// <param name="Result">The diagnostics, and the model with its text fields still empty.</param>
/// <param name="Text">What the model's text is written from; <see langword="null"/> when there is no model.</param>
internal sealed record DeclarationFacts(ParseResult Result, DeclarationText? Text)
{
    public ParseResult ToParseResult() =>
        Text is not null && Result.Model is { } model ? Result with { Model = Text.Complete(model) } : Result;
}
