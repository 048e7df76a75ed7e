using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Cloexec.Tests;

/// <summary>Descriptors one wrapper call created, closed on dispose.</summary>
internal sealed class Created(int[] descriptors, Action? cleanup = null) : IDisposable
{
    public int[] Descriptors { get; } = descriptors;

    public void Dispose()
    {
        foreach (int fd in Descriptors)
        {
            _ = Native.Close(fd);
        }

        cleanup?.Invoke();
    }
}

/// <summary>One way of creating descriptors through a generated wrapper, for every entry point the generator knows.</summary>
internal static unsafe class Families
{
    private static readonly Dictionary<string, Func<bool?, Created>> s_all = new()
    {
        ["open"] = cloexec => One(Native.Open("/dev/null", Linux.ORdOnly, 0, cloexec)),
        ["open (SafeHandle)"] = OpenHandle,
        ["openat"] = cloexec =>
        {
            fixed (byte* path = "/dev/null\0"u8)
            {
                return One(Native.OpenAt(Linux.AtFdCwd, path, Linux.ORdOnly, 0, cloexec));
            }
        },
        ["openat (MarshalAs string)"] = cloexec => One(Native.OpenAtUtf16(Linux.AtFdCwd, "/dev/null", Linux.ORdOnly, 0, cloexec)),
        ["creat"] = cloexec =>
        {
            string path = Path.Combine(Path.GetTempPath(), "cloexec-creat-" + Guid.NewGuid().ToString("N"));
            return new Created([Check(Native.Creat(path, Convert.ToInt32("600", 8), cloexec))], () => File.Delete(path));
        },
        ["pipe"] = cloexec =>
        {
            Span<int> fds = stackalloc int[2];
            Check(Native.Pipe(fds, cloexec));
            return new Created(fds.ToArray());
        },
        ["pipe2"] = cloexec =>
        {
            int[] fds = new int[2];
            Check(Native.Pipe2(fds, 0, cloexec));
            return new Created(fds);
        },
        ["dup"] = cloexec => One(Native.Dup(Anchor.Descriptor, cloexec)),
        ["dup2"] = cloexec => One(Native.Dup2(Anchor.Descriptor, Anchor.FreeNumber(), cloexec)),
        ["dup3"] = cloexec => One(Native.Dup3(Anchor.Descriptor, Anchor.FreeNumber(), 0, cloexec)),
        ["mkstemp"] = cloexec => TempFile(template => Native.Mkstemp((byte*)template, cloexec)),
        ["mkostemp"] = cloexec => TempFile(template => Native.Mkostemp((byte*)template, 0, cloexec)),
        ["posix_openpt"] = cloexec => One(Native.PosixOpenpt(Linux.ORdWr | Linux.ONoCtty, cloexec)),
        ["socket"] = cloexec => One(Native.Socket(Linux.AfUnix, Linux.SockStream, 0, cloexec)),
        ["socketpair"] = cloexec =>
        {
            int* fds = stackalloc int[2];
            Check(Native.SocketPair(Linux.AfUnix, Linux.SockStream, 0, fds, cloexec));
            return new Created([fds[0], fds[1]]);
        },
        ["accept"] = cloexec => Accepted(listener => Native.Accept(listener, 0, 0, cloexec)),
        ["accept4"] = cloexec => Accepted(listener => Native.Accept4(listener, 0, 0, 0, cloexec)),
        ["epoll_create"] = cloexec => One(Native.EpollCreate(1, cloexec)),
        ["epoll_create1"] = cloexec => One(Native.EpollCreate1(0, cloexec)),
        ["eventfd"] = cloexec => One(Native.EventFd(0, 0, cloexec)),
        ["inotify_init"] = cloexec => One(Native.InotifyInit(cloexec)),
        ["inotify_init1"] = cloexec => One(Native.InotifyInit1(0, cloexec)),
        ["memfd_create"] = cloexec => One(Native.MemfdCreate("cloexec-test", 0, cloexec)),
        ["timerfd_create"] = cloexec => One(Native.TimerfdCreate(Linux.ClockMonotonic, 0, cloexec)),
        ["signalfd"] = cloexec =>
        {
            ulong mask = 0;
            return One(Native.Signalfd(-1, &mask, 0, cloexec));
        },
        ["recvmsg (SCM_RIGHTS)"] = Received,
        ["fcntl F_DUPFD (Flag = None)"] = cloexec => One(Native.DupViaFcntl(Anchor.Descriptor, Linux.FDupFd, 0, cloexec)),
        ["socket (Wraps)"] = cloexec => One(Native.WrappedSocket(Linux.AfUnix, Linux.SockStream, 0, cloexec)),
        ["pipe (Wraps)"] = cloexec =>
        {
            Span<int> fds = stackalloc int[2];
            Check(Native.WrappedPipe(fds, cloexec));
            return new Created(fds.ToArray());
        },
    };

    public static IEnumerable<string> Names => s_all.Keys;

    public static Created Create(string name, bool? cloexec) => s_all[name](cloexec);

    private static Created One(int fd) => new([Check(fd)]);

    private static int Check(int result) =>
        result >= 0 ? result : throw new InvalidOperationException($"the wrapper failed: errno {Marshal.GetLastPInvokeError()}");

    private static Created OpenHandle(bool? cloexec)
    {
        SafeFileHandle handle = Native.OpenHandle("/dev/null", Linux.ORdOnly, 0, cloexec);
        if (handle.IsInvalid)
        {
            throw new InvalidOperationException($"the wrapper failed: errno {Marshal.GetLastPInvokeError()}");
        }

        // The handle owns the descriptor: hand it over so that Created closes it once.
        int fd = (int)handle.DangerousGetHandle();
        handle.SetHandleAsInvalid();
        return new Created([fd]);
    }

    private static Created TempFile(Func<nint, int> create)
    {
        byte[] template = Encoding.ASCII.GetBytes(Path.Combine(Path.GetTempPath(), "cloexec-XXXXXX") + "\0");
        fixed (byte* buffer = template)
        {
            int fd = Check(create((nint)buffer));
            string path = Encoding.ASCII.GetString(template, 0, template.Length - 1);
            return new Created([fd], () => File.Delete(path));
        }
    }

    private static Created Accepted(Func<int, int> accept)
    {
        // An abstract Unix socket: nothing on disk, and the pending connection makes accept return at once.
        byte[] address = new byte[2 + 1 + 32];
        address[0] = Linux.AfUnix;
        Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N")).CopyTo(address, 3);
        int listener = Check(Native.Socket(Linux.AfUnix, Linux.SockStream, 0, cloexec: true));
        int client = Check(Native.Socket(Linux.AfUnix, Linux.SockStream, 0, cloexec: true));
        fixed (byte* sockaddr = address)
        {
            Check(Native.Bind(listener, sockaddr, address.Length));
            Check(Native.Listen(listener, 1));
            Check(Native.Connect(client, sockaddr, address.Length));
        }

        int accepted = Check(accept(listener));
        return new Created([accepted], () =>
        {
            _ = Native.Close(client);
            _ = Native.Close(listener);
        });
    }

    private static Created Received(bool? cloexec)
    {
        int* pair = stackalloc int[2];
        Check(Native.SocketPair(Linux.AfUnix, Linux.SockStream, 0, pair, cloexec: true));
        try
        {
            ScmRights.Send(pair[0], Anchor.Descriptor);
            int received = ScmRights.Receive(pair[1], cloexec);
            return new Created([Check(received)]);
        }
        finally
        {
            _ = Native.Close(pair[0]);
            _ = Native.Close(pair[1]);
        }
    }
}

/// <summary>A descriptor that dup-like calls copy, and free numbers to copy onto.</summary>
internal static class Anchor
{
    public static int Descriptor { get; } = Native.Open("/dev/null", Linux.ORdOnly, 0, cloexec: true);

    private static int s_next = 700;

    /// <summary>A descriptor number nobody holds, for dup2 and dup3 to create.</summary>
    public static int FreeNumber()
    {
        while (Linux.IsOpen(s_next))
        {
            s_next++;
        }

        return s_next;
    }
}
