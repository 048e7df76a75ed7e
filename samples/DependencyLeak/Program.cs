using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Cloexec;
using DependencyLeak;
using Tmds.Linux;

// A dependency's raw import leaks: Tmds.LibC.pipe makes both ends inheritable. The build warned about it (CLOEXEC0301,
// obj/.../cloexec-audit.txt); here the run-time guard names the pipe before a child starts. Then the cures: the
// descriptors swept close-on-exec with SetCloexecOnAll before the start, and the pipe made through [CreatesDescriptor]
// instead. A pipe handed on deliberately (cloexec: false) is never reported.
// Exit code: 0 when all of that holds, 1 when the guard missed the leak, 2 when it reported what it should not have.

if (!OperatingSystem.IsLinux())
{
    Console.WriteLine("Tmds.LibC binds Linux only; run this sample on Linux.");
    return 0;
}

var reported = new List<InheritableDescriptor>();
InheritanceGuard.UnexpectedInheritance += (_, e) => reported.AddRange(e.Descriptors);
Console.WriteLine($"guard: {InheritanceGuard.Mode}");

int[] leaked = PackagePipe();
Console.WriteLine($"== Tmds.LibC.pipe made descriptors {leaked[0]} and {leaked[1]}");
StartChild(reported);
if (!leaked.All(fd => reported.Any(d => d.Descriptor == fd)))
{
    Console.WriteLine("FAILED: the guard did not name the package's pipe.");
    return 1;
}

Console.WriteLine("== cure 1: FileDescriptor.SetCloexecOnAll() before the start");
FileDescriptor.SetCloexecOnAll();
if (StartChild(reported) > 0)
{
    Console.WriteLine("FAILED: the guard reported descriptors after the sweep.");
    return 2;
}

Console.WriteLine("== cure 2: the pipe through [CreatesDescriptor] (pipe2 with O_CLOEXEC), and one handed on with cloexec: false");
int[] generated = GeneratedPipe(cloexec: null);
int[] handedOn = GeneratedPipe(cloexec: false);
Console.WriteLine($"close-on-exec pipe {generated[0]},{generated[1]}; deliberately inheritable pipe {handedOn[0]},{handedOn[1]}");
if (StartChild(reported) > 0)
{
    Console.WriteLine("FAILED: the guard reported a generated or deliberately inherited descriptor.");
    return 2;
}

Console.WriteLine("As expected: the package's pipe was named before the start, and nothing after the cures.");
return 0;

static unsafe int[] PackagePipe()
{
    int* fds = stackalloc int[2];
    Check(LibC.pipe(fds), "Tmds.LibC.pipe");
    return [fds[0], fds[1]];
}

static unsafe int[] GeneratedPipe(bool? cloexec)
{
    int* fds = stackalloc int[2];
    Check(Native.Pipe(fds, cloexec), "pipe");
    return [fds[0], fds[1]];
}

static void Check(int result, string call)
{
    if (result == -1)
    {
        throw new InvalidOperationException($"{call} failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
    }
}

// Starts `ls /proc/self/fd` (what the child got) through ForkLock, where the guard looks; returns how many it reported.
static int StartChild(List<InheritableDescriptor> reported)
{
    reported.Clear();
    var start = new ProcessStartInfo("sh", ["-c", "printf 'child has: '; ls /proc/self/fd | tr '\\n' ' '; echo"]) { UseShellExecute = false };
    using Process child = ForkLock.Start(start) ?? throw new InvalidOperationException("no process");
    child.WaitForExit();
    Console.WriteLine(reported.Count == 0
        ? "guard: nothing unexpected"
        : "guard: a child would inherit " + string.Join(", ", reported.Select(d => d.ToString())));
    return reported.Count;
}
