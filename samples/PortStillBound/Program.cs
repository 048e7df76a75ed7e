using System;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;
using Cloexec;
using PortStillBound;

// The classic bug: a server opens a listening socket, starts a helper process, closes the listener, and cannot bind
// its port again, because the helper inherited the listener and keeps the port bound for as long as it lives. Then the
// same with [CreatesDescriptor]: the listener is close-on-exec, the helper never has it, and the port is free again.
// Exit code: 0 when both halves behave as described, 1 when the cure stopped working, 2 when the bug did not show.

if (!OperatingSystem.IsLinux())
{
    Console.WriteLine("This sample uses Linux's socket values; run it on Linux.");
    return 0;
}

Outcome bug = Run("raw [DllImport] socket", () => Native.RawSocket(Native.AfInet, Native.SockStream, 0));
Outcome cure = Run("[CreatesDescriptor] socket", () => Native.Socket(Native.AfInet, Native.SockStream, 0));

Console.WriteLine();
if (!cure.PortFreeAfterClose || cure.Culprit is not null)
{
    Console.WriteLine("FAILED: with [CreatesDescriptor] the child still got the listener.");
    return 1;
}

if (bug.PortFreeAfterClose || bug.Culprit is null)
{
    Console.WriteLine("FAILED: the raw socket did not show the bug this sample is about.");
    return 2;
}

Console.WriteLine("As expected: the raw listener outlived its Close() in the child; the generated one did not.");
return 0;

static Outcome Run(string title, Func<int> createListener)
{
    Console.WriteLine($"== {title}");
    int listener = Check(createListener(), "socket");
    int port = Listen(listener);
    Console.WriteLine($"listening on 127.0.0.1:{port} (descriptor {listener})");

    // What every child started now receives, by the system's names.
    InheritableDescriptor? culprit = FileDescriptor.ListInheritable().FirstOrDefault(d => d.Descriptor == listener);
    Console.WriteLine(culprit is null
        ? "ListInheritable(): the listener is not among the descriptors a child would inherit"
        : $"ListInheritable(): a child would inherit {culprit}");

    using Process child = Process.Start(new ProcessStartInfo("/bin/sleep", "30") { UseShellExecute = false })
        ?? throw new InvalidOperationException("could not start /bin/sleep");
    _ = Native.Close(listener);
    Console.WriteLine($"started /bin/sleep (pid {child.Id}), then closed the listener");

    bool free = TryBindAgain(port, out int errno);
    Console.WriteLine(free
        ? $"bind 127.0.0.1:{port} again: succeeded, the port is free"
        : $"bind 127.0.0.1:{port} again: failed with {(errno == Native.EAddrInUse ? "EADDRINUSE" : "errno " + errno)}: the child still holds the listener");

    child.Kill();
    child.WaitForExit();
    Console.WriteLine();
    return new Outcome(free, culprit);
}

static unsafe int Listen(int listener)
{
    SockAddrIn address = SockAddrIn.Loopback(0);
    Check(Native.Bind(listener, &address, sizeof(SockAddrIn)), "bind");
    Check(Native.Listen(listener, 16), "listen");
    int length = sizeof(SockAddrIn);
    Check(Native.GetSockName(listener, &address, &length), "getsockname");
    return address.Port;
}

static unsafe bool TryBindAgain(int port, out int errno)
{
    int probe = Check(Native.Socket(Native.AfInet, Native.SockStream, 0), "socket");
    try
    {
        SockAddrIn address = SockAddrIn.Loopback(port);
        bool bound = Native.Bind(probe, &address, sizeof(SockAddrIn)) == 0;
        errno = bound ? 0 : Marshal.GetLastPInvokeError();
        return bound;
    }
    finally
    {
        _ = Native.Close(probe);
    }
}

static int Check(int result, string call) =>
    result != -1 ? result : throw new InvalidOperationException($"{call} failed: errno {Marshal.GetLastPInvokeError()}");

internal sealed record Outcome(bool PortFreeAfterClose, InheritableDescriptor? Culprit);
