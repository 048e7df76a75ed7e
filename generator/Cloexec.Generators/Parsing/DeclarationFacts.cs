using Cloexec.Generators.Model;

namespace Cloexec.Generators.Parsing;

/// <summary>
/// The symbol read's output for one declaration (<see cref="TrackingNames.Read"/>): what only its symbols can give,
/// compared by value. Roslyn reruns the read for every declaration on each edit; the steps after it (the plan, then the
/// model's text) are skipped while these facts compare equal.
/// </summary>
/// <param name="Read">The diagnostics of reading, the model with its call not yet planned, and what the planner needs.</param>
/// <param name="Text">What the model's text is written from; <see langword="null"/> when there is no model.</param>
internal sealed record DeclarationFacts(ReadResult Read, DeclarationText? Text);

/// <summary>The plan step's output (<see cref="TrackingNames.Plan"/>): the planned result, its text still to write.</summary>
internal sealed record PlannedDeclaration(ParseResult Result, DeclarationText? Text)
{
    public ParseResult ToParseResult() =>
        Text is not null && Result.Model is { } model ? Result with { Model = Text.Complete(model) } : Result;
}
