namespace Cloexec.Audit.Judging;

/// <summary>One judged use of a descriptor-creating import.</summary>
/// <param name="Verdict">What the use does about close-on-exec.</param>
/// <param name="Creator">The native entry point (<c>pipe</c>, <c>socket</c>, <c>WSASocketW</c>...).</param>
/// <param name="Import">The P/Invoke method that imports it.</param>
/// <param name="Library">The library the import names.</param>
/// <param name="Site">The method that makes the call, <see langword="null"/> for a public import judged as exposed.</param>
/// <param name="Offset">The IL offset of the call in <paramref name="Site"/>.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="DecidedBy">For <see cref="Verdict.CallersChoice"/>: the method whose callers choose the flag.</param>
/// <param name="Via">When the call site was found one step up: the method it calls, which passes the flag on.</param>
public sealed record Finding(
    Verdict Verdict, string Creator, string Import, string Library, string? Site, int? Offset, string Reason, string? DecidedBy = null, string? Via = null)
{
    /// <summary>Whether this is a call in the assembly's IL, rather than a public import anyone may call.</summary>
    public bool IsCallSite => Site is not null;
}
