// A consumer of the Cloexec package, copied into a fresh project by PackageTests: it declares a few
// [CreatesDescriptor] methods, creates descriptors with each cloexec choice, and prints FD_CLOEXEC as a
// raw fcntl(F_GETFD) reports it ("open default 1"), checking FileDescriptor.GetCloexec against it.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Cloexec;

internal static class Program
{
    private const int O_RDONLY = 0, AF_UNIX = 1, SOCK_STREAM = 1, F_GETFD = 1, FD_CLOEXEC = 1;
    private static readonly List<string> s_disagreements = new();

    private static int Main()
    {
        Console.WriteLine("default=" + CloexecDefault.Value);
        Span<int> fds = stackalloc int[2];
        foreach (bool? choice in new bool?[] { null, true, false })
        {
            string name = choice is null ? "default" : choice.Value ? "true" : "false";
            Report("open", name, Native.Open("/dev/null", O_RDONLY, choice));
            Report("socket", name, Native.Socket(AF_UNIX, SOCK_STREAM, 0, choice));
            if (Native.Pipe(fds, choice) != 0)
            {
                Console.WriteLine($"pipe {name} failed errno {Marshal.GetLastPInvokeError()}");
            }
            else
            {
                Report("pipe-read", name, fds[0]);
                Report("pipe-write", name, fds[1]);
            }

            Report("eventfd", name, Native.EventFd(0, 0, choice));
        }

        Console.WriteLine(s_disagreements.Count == 0 ? "GetCloexec agrees with fcntl" : "GetCloexec disagrees: " + string.Join(", ", s_disagreements));
        return 0;
    }

    private static void Report(string what, string choice, int fd)
    {
        if (fd < 0)
        {
            Console.WriteLine($"{what} {choice} failed errno {Marshal.GetLastPInvokeError()}");
            return;
        }

        int flags = Native.Fcntl(fd, F_GETFD);
        bool raw = (flags & FD_CLOEXEC) != 0;
        if (FileDescriptor.GetCloexec(fd) != raw)
        {
            s_disagreements.Add(what + " " + choice);
        }

        Console.WriteLine($"{what} {choice} {(raw ? 1 : 0)}");
        if (Native.Close(fd) != 0)
        {
            Console.WriteLine($"close {what} {choice} failed errno {Marshal.GetLastPInvokeError()}");
        }
    }
}

internal static partial class Native
{
    [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "socket", SetLastError = true)]
    internal static partial int Socket(int domain, int type, int protocol, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "pipe", SetLastError = true)]
    internal static partial int Pipe(Span<int> fds, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "eventfd", SetLastError = true)]
    internal static partial int EventFd(uint initval, int flags, bool? cloexec = null);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    internal static partial int Fcntl(int fd, int command);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);
}
