using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Cloexec.Tests;

/// <summary>
/// One child's table, and how many inheritable descriptors were registered before it started (it must hold those).
/// </summary>
internal sealed record ChildObservation(IReadOnlyDictionary<int, string> Table, int InheritableBefore);

/// <summary>A descriptor a child held that it should not have, or lacked that it should have had.</summary>
internal sealed record ChildDescriptor(int Child, int Fd, string Target)
{
    public override string ToString() => $"child {Child}: {Fd} -> {Target}";
}

/// <summary>
/// Decides, from what children held, which descriptors leaked: a child's descriptor counts as leaked unless the
/// baseline child (started before any test descriptor existed) held its number too, or it is one of the
/// inheritable descriptors, same number and same /proc target, made at any time of the run, or no wrapper makes it
/// (a thread's name file, which glibc opens without O_CLOEXEC).
/// </summary>
/// <remarks>
/// A number alone could not tell an inheritable descriptor from a leaked one that held the number before it: the
/// target can, as long as inheritable descriptors are kinds whose target is unique (pipe:[inode], socket:[inode]).
/// </remarks>
internal sealed partial class LeakVerdict
{
    private LeakVerdict(List<ChildDescriptor> leaked, List<ChildDescriptor> missing, int inheritableFound)
    {
        Leaked = leaked;
        Missing = missing;
        InheritableFound = inheritableFound;
    }

    public List<ChildDescriptor> Leaked { get; }

    /// <summary>Inheritable descriptors that existed before a child started and that the child did not hold.</summary>
    public List<ChildDescriptor> Missing { get; }

    /// <summary>How many times a child held an inheritable descriptor it had to hold: the harness sees real inheritance.</summary>
    public int InheritableFound { get; }

    public int ChildrenWithLeaks => Leaked.Select(l => l.Child).Distinct().Count();

    public static LeakVerdict Judge(
        IReadOnlyDictionary<int, string> baseline,
        IReadOnlyList<(int Fd, string Target)> inheritable,
        IReadOnlyList<ChildObservation> children)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(inheritable);
        ArgumentNullException.ThrowIfNull(children);
        var leaked = new List<ChildDescriptor>();
        var missing = new List<ChildDescriptor>();
        int found = 0;

        // Not only those registered before the child's table was read: a creator thread registers its descriptor
        // after making it, so a child can start in between and hold it. Its (number, inode) pair is its own.
        HashSet<(int, string)> allowed = [.. inheritable];
        for (int child = 0; child < children.Count; child++)
        {
            ChildObservation observed = children[child];
            foreach ((int fd, string target) in observed.Table)
            {
                if (!baseline.ContainsKey(fd) && !allowed.Contains((fd, target)) && !IsThreadNameFile(target))
                {
                    leaked.Add(new ChildDescriptor(child, fd, target));
                }
            }

            foreach ((int fd, string target) in inheritable.Take(observed.InheritableBefore))
            {
                if (observed.Table.TryGetValue(fd, out string? held) && held == target)
                {
                    found++;
                }
                else
                {
                    missing.Add(new ChildDescriptor(child, fd, target));
                }
            }
        }

        return new LeakVerdict(leaked, missing, found);
    }

    /// <summary>
    /// /proc/PID/task/TID/comm: glibc's pthread_setname_np opens it without O_CLOEXEC for an instant when the runtime
    /// names a new thread (a thread-pool worker, say), so a child started then may hold it. No wrapper makes it.
    /// </summary>
    private static bool IsThreadNameFile(string target) =>
        target.StartsWith("/proc/", StringComparison.Ordinal) && target.Contains("/task/", StringComparison.Ordinal) && target.EndsWith("/comm", StringComparison.Ordinal);

    /// <summary>Leaked descriptors by kind ("pipe", "socket", "anon_inode:[eventfd]", "/dev/null"...): which families leaked.</summary>
    public string LeakedKinds() => string.Join(", ", Leaked
        .GroupBy(l => Kind(l.Target))
        .OrderByDescending(g => g.Count())
        .Select(g => $"{g.Key} x{g.Count()}"));

    private static string Kind(string target) => TempFile().Replace(Inode().Replace(target, string.Empty), "a temporary file");

    [GeneratedRegex(@":\[\d+\]$")]
    private static partial Regex Inode();

    [GeneratedRegex(@"^.*/cloexec-[^/]*$")]
    private static partial Regex TempFile();
}
