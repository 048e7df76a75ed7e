using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;

namespace Cloexec.Tests;

/// <summary>
/// What child processes hold: /bin/sleep, started by the caller's function, read once asleep, then killed; reaped on
/// dispose, so that a stress run waits for its children only once it is over.
/// </summary>
/// <remarks>
/// Process.Start returns once the child has executed, so close-on-exec descriptors are already gone from its table;
/// but the dynamic loader and libc's start-up then open and close files of their own (ld.so.cache, libc.so.6, the
/// locale archive) before sleep sleeps. Reading the table only once the child is asleep keeps those out of it.
/// </remarks>
internal sealed class ChildDescriptors : IDisposable
{
    private static readonly TimeSpan s_asleepWithin = TimeSpan.FromSeconds(10);

    private readonly List<Process> _killed = [];

    /// <summary>Time spent inside the start function, locks included.</summary>
    public TimeSpan Starting { get; private set; }

    /// <summary>One child's descriptors, for a single look: <see cref="Read(Func{ProcessStartInfo, Process?})"/>, then reaped.</summary>
    public static Dictionary<int, string> ReadOne(Func<ProcessStartInfo, Process?> start)
    {
        using var children = new ChildDescriptors();
        return children.Read(start);
    }

    /// <summary>The child's descriptors from 3 up (0-2 are the standard streams every child gets), with their /proc targets.</summary>
    public Dictionary<int, string> Read(Func<ProcessStartInfo, Process?> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        long starting = Stopwatch.GetTimestamp();
        Process child = start(new ProcessStartInfo("/bin/sleep", "5") { UseShellExecute = false })
            ?? throw new InvalidOperationException("no child started");
        Starting += Stopwatch.GetElapsedTime(starting);
        try
        {
            WaitUntilAsleep(child.Id);
            return Table(child.Id);
        }
        finally
        {
            child.Kill();
            _killed.Add(child);
        }
    }

    /// <summary>Waits for every child killed so far.</summary>
    public void Dispose()
    {
        foreach (Process child in _killed)
        {
            child.WaitForExit();
            child.Dispose();
        }

        _killed.Clear();
    }

    private static void WaitUntilAsleep(int pid)
    {
        var clock = Stopwatch.StartNew();
        while (State(pid) != 'S')
        {
            if (clock.Elapsed > s_asleepWithin)
            {
                throw new TimeoutException($"child {pid} did not fall asleep within {s_asleepWithin.TotalSeconds} s");
            }

            Thread.Sleep(1);
        }
    }

    /// <summary>The state letter of /proc/&lt;pid&gt;/stat: after the command name, which may itself hold spaces and parentheses.</summary>
    private static char State(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[stat.LastIndexOf(')') + 2];
    }

    private static Dictionary<int, string> Table(int pid)
    {
        var table = new Dictionary<int, string>();
        foreach (string entry in Directory.GetFiles($"/proc/{pid}/fd"))
        {
            int fd = int.Parse(Path.GetFileName(entry), CultureInfo.InvariantCulture);
            if (fd >= 3)
            {
                table[fd] = new FileInfo(entry).LinkTarget ?? string.Empty;
            }
        }

        return table;
    }
}
