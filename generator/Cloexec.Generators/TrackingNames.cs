namespace Cloexec.Generators;

/// <summary>Names of the pipeline's steps, which incrementality tests look up.</summary>
internal static class TrackingNames
{
    /// <summary>The transform of ForAttributeWithMetadataName: what only symbols give, rerun for every declaration on each edit.</summary>
    public const string Read = nameof(Read);

    /// <summary>The declaration's model and diagnostics, written from what <see cref="Read"/> gave; skipped while that compares equal.</summary>
    public const string Parse = nameof(Parse);
    public const string AllowUnsafe = nameof(AllowUnsafe);
    public const string Checked = nameof(Checked);
}
