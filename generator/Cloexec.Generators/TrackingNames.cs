namespace Cloexec.Generators;

/// <summary>Names of the pipeline's steps, which incrementality tests look up.</summary>
internal static class TrackingNames
{
    public const string Parse = nameof(Parse);
    public const string AllowUnsafe = nameof(AllowUnsafe);
    public const string Checked = nameof(Checked);
}
