namespace Cloexec.Generators;

/// <summary>Names of the pipeline's steps, which incrementality tests look up.</summary>
internal static class TrackingNames
{
    /// <summary>The transform of ForAttributeWithMetadataName: what only symbols give, rerun for every declaration on each edit.</summary>
    public const string Read = nameof(Read);

    /// <summary>The call's plan and its diagnostics, made from what <see cref="Read"/> gave; skipped while that compares equal.</summary>
    public const string Plan = nameof(Plan);

    /// <summary>The declaration's model with its text written; skipped while <see cref="Plan"/>'s output compares equal.</summary>
    public const string Parse = nameof(Parse);
    public const string AllowUnsafe = nameof(AllowUnsafe);
    public const string Checked = nameof(Checked);
}
