namespace Cloexec;

/// <summary>A descriptor of this process without close-on-exec: every child started now would receive it.</summary>
/// <param name="Descriptor">The descriptor number.</param>
/// <param name="Target">
/// What it refers to, as the system names it: a path, <c>socket:[inode]</c>, <c>pipe:[inode]</c>,
/// <c>anon_inode:[eventfd]</c>... (Linux, from /proc/self/fd); a path from <c>F_GETPATH</c> (macOS);
/// <see langword="null"/> where the system has no name for it (a socket or pipe on macOS, anything on FreeBSD).
/// </param>
public sealed record InheritableDescriptor(int Descriptor, string? Target)
{
    /// <summary><c>7 -> socket:[123]</c>, the shape a log line wants.</summary>
    public override string ToString() => $"{Descriptor} -> {Target ?? "?"}";
}
