using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Cloexec;

namespace InheritanceDemo;

/// <summary>
/// Creates descriptors through [CreatesDescriptor] wrappers, starts a child program, and shows that the
/// child received exactly the ones made inheritable on purpose: PEP 433's close-on-exec default at work.
/// </summary>
/// <remarks>
/// .NET's <see cref="Process.Start()"/> on Linux forks and execs without closing the parent's descriptors,
/// so every descriptor without FD_CLOEXEC leaks into the child. The generated wrappers make that the
/// exception instead of the rule.
/// </remarks>
internal static class Program
{
    private const string ChildArgument = "--child";

    private static int Main(string[] args) => args is [ChildArgument] ? PrintOwnDescriptors() : Demonstrate();

    /// <summary>One descriptor the parent made, and whether it was made inheritable on purpose.</summary>
    private sealed record Made(string Kind, int Fd, string How, bool Inheritable);

    /// <summary>One descriptor the child holds: what it points to, and whether it is close-on-exec there.</summary>
    private sealed record Held(string Target, bool Cloexec);

    private static int Demonstrate()
    {
        string file = Path.GetTempFileName();
        var made = new List<Made>();
        Span<int> pair = stackalloc int[2];
        try
        {
            // The default (cloexec: null) is CloexecDefault.Current: close-on-exec unless CLOEXEC_DEFAULT says otherwise.
            made.Add(new("file", Check(Native.Open(file, Native.ORdOnly), "open"), "Open(path, O_RDONLY)", false));
            Check(Native.Pipe(pair), "pipe");
            made.Add(new("pipe read end", pair[0], "Pipe(fds)", false));
            made.Add(new("pipe write end", pair[1], "Pipe(fds)", false));
            made.Add(new("socket", Check(Native.Socket(Native.AfUnix, Native.SockStream, 0), "socket"), "Socket(AF_UNIX, SOCK_STREAM, 0)", false));
            made.Add(new("eventfd", Check(Native.EventFd(1, 0), "eventfd"), "EventFd(1, 0)", false));
            made.Add(new("dup of file", Check(Native.Dup(made[0].Fd), "dup"), "Dup(file)", false));

            // cloexec: false asks for an inheritable descriptor by name, whatever the default.
            Check(Native.Pipe(pair, cloexec: false), "pipe");
            made.Add(new("pipe read end", pair[0], "Pipe(fds, cloexec: false)", true));
            made.Add(new("pipe write end", pair[1], "Pipe(fds, cloexec: false)", true));
            made.Add(new("file", Check(Native.Open(file, Native.ORdOnly, cloexec: false), "open"), "Open(path, O_RDONLY, cloexec: false)", true));

            // A scope changes the default for every call inside it, including calls in code you cannot add arguments to.
            using (CloexecDefault.Override(false))
            {
                made.Add(new("eventfd", Check(Native.EventFd(2, 0), "eventfd"), "EventFd(2, 0) in Override(false)", true));
            }

            Console.WriteLine($"CloexecDefault.Value = {CloexecDefault.Value}; descriptors made by this process (pid {Environment.ProcessId}):");
            Console.WriteLine($"  {"kind",-15} {"fd",3}  {"created with",-38} FD_CLOEXEC");
            foreach (Made m in made)
            {
                Console.WriteLine($"  {m.Kind,-15} {m.Fd,3}  {m.How,-38} {(FileDescriptor.GetCloexec(m.Fd) ? "set" : "clear")}");
            }

            return CompareWithChild(made);
        }
        finally
        {
            foreach (Made m in made)
            {
                _ = Native.Close(m.Fd);
            }

            File.Delete(file);
        }
    }

    private static int CompareWithChild(List<Made> made)
    {
        // The child is a new .NET runtime that opens descriptors of its own and may reuse the numbers the parent's
        // close-on-exec descriptors had, so a number alone proves nothing: a descriptor counts as inherited only
        // when the child's has the same number and points to the same object.
        Dictionary<int, string> ours = made.ToDictionary(m => m.Fd, m => Identify("/proc/self", m.Fd) ?? "?");
        Dictionary<int, Held> child = RunChild(out int childPid);
        List<Made> inherited = made.Where(m => child.TryGetValue(m.Fd, out Held? held) && held.Target == ours[m.Fd]).ToList();

        Console.WriteLine();
        ExplainChildCount(child, inherited, childPid);
        Console.WriteLine();
        Console.WriteLine("Of the descriptors this process made:");
        foreach (Made m in made)
        {
            string verdict = inherited.Contains(m) ? "inherited" : "closed at exec";
            Console.WriteLine($"  {m.Kind,-15} {m.Fd,3}  {ours[m.Fd],-38} {verdict}");
        }

        int expected = made.Count(m => m.Inheritable);
        bool exact = inherited.All(m => m.Inheritable) && inherited.Count == expected;
        Console.WriteLine();
        Console.WriteLine(exact
            ? $"OK: the child inherited exactly the {expected} descriptors made with cloexec: false or under Override(false), and none of the {made.Count - expected} made with the default."
            : $"FAIL: the child inherited fds [{string.Join(", ", inherited.Select(m => m.Fd))}], expected exactly [{string.Join(", ", made.Where(m => m.Inheritable).Select(m => m.Fd))}].");
        return exact ? 0 : 1;
    }

    /// <summary>
    /// Why the child holds as many descriptors as it does. A descriptor crosses exec only without FD_CLOEXEC, and the
    /// .NET runtime opens all of its own with it: so in the child, those without the flag are the ones it was given
    /// when it started, and those with it are the ones its own runtime opened afterwards.
    /// </summary>
    private static void ExplainChildCount(Dictionary<int, Held> child, List<Made> inherited, int childPid)
    {
        int standard = child.Keys.Count(fd => fd <= 2);
        int ours = inherited.Count;
        int[] elsewhere = child.Where(c => c.Key > 2 && !c.Value.Cloexec && !inherited.Any(m => m.Fd == c.Key)).Select(c => c.Key).Order().ToArray();
        int runtime = child.Count - standard - ours - elsewhere.Length;

        Console.WriteLine($"The child (pid {childPid}) holds {child.Count} descriptors:");
        Console.WriteLine($"  {standard,3}  standard input, output and error (0-2), which every process gets;");
        Console.WriteLine($"  {ours,3}  given by this process at exec: the ones made with cloexec: false or under Override(false);");
        if (elsewhere.Length > 0)
        {
            Console.WriteLine($"  {elsewhere.Length,3}  given at exec, but not made here (fds {string.Join(", ", elsewhere)}): this process inherited them from");
            Console.WriteLine("       whatever started it (a shell, dotnet run), without close-on-exec, and passed them on;");
        }

        Console.WriteLine($"  {runtime,3}  opened by the child's own .NET runtime after it started (its libraries, its event loop,");
        Console.WriteLine("       /proc/self/fd while it lists them), each close-on-exec, as the runtime opens everything.");
    }

    /// <summary>Starts this program again with <c>--child</c> and reads back the descriptors it holds.</summary>
    private static Dictionary<int, Held> RunChild(out int pid)
    {
        // Under "dotnet run" this is the app host; under "dotnet InheritanceDemo.dll" it is dotnet, which needs the dll.
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
        }

        start.ArgumentList.Add(ChildArgument);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("The child did not start.");
        pid = process.Id;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The child exited with {process.ExitCode}.");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', 3))
            .ToDictionary(parts => int.Parse(parts[0], CultureInfo.InvariantCulture), parts => new Held(parts[2], parts[1] == "cloexec"));
    }

    /// <summary>The child's side: one line per descriptor it holds, <c>fd TAB cloexec|inheritable TAB what it points to</c>.</summary>
    private static int PrintOwnDescriptors()
    {
        foreach (string entry in Directory.GetFileSystemEntries("/proc/self/fd"))
        {
            int fd = int.Parse(Path.GetFileName(entry), CultureInfo.InvariantCulture);
            if (Identify("/proc/self", fd) is { } target)
            {
                Console.WriteLine($"{fd}\t{(FileDescriptor.GetCloexec(fd) ? "cloexec" : "inheritable")}\t{target}");
            }
        }

        return 0;
    }

    /// <summary>What <paramref name="fd"/> points to (readlink of /proc/PID/fd/N), null once it is gone.</summary>
    private static string? Identify(string proc, int fd)
    {
        string? target = new FileInfo($"{proc}/fd/{fd}").LinkTarget;

        // Every eventfd links to the same "anon_inode:[eventfd]": its counter (the demo gives each its own) tells them apart.
        if (target == "anon_inode:[eventfd]")
        {
            string? count = File.ReadLines($"{proc}/fdinfo/{fd}").FirstOrDefault(line => line.StartsWith("eventfd-count:", StringComparison.Ordinal));
            target += " count=" + count?.Split(':')[1].Trim();
        }

        return target;
    }

    private static int Check(int result, string call) =>
        result >= 0 ? result : throw new IOException($"{call} failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
}
