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

/// <summary>
/// A family's wrapper call with its setup done (a listener with a pending connection, a descriptor in flight, a
/// free number, a path): <see cref="Call"/> makes that one wrapper call and nothing else, so that a tracer that
/// marks around it sees only the wrapper's syscalls.
/// </summary>
internal sealed class Prepared(Func<bool?, int[]> call, Action? cleanup = null)
{
    /// <summary>Makes the wrapper call, once; the result closes its descriptors, then undoes the setup.</summary>
    public Created Call(bool? cloexec)
    {
        int[] descriptors;
        try
        {
            descriptors = call(cloexec);
        }
        catch
        {
            cleanup?.Invoke();
            throw;
        }

        return new Created(descriptors, cleanup);
    }
}

/// <summary>One way of creating descriptors through a generated wrapper, for every entry point the generator knows.</summary>
internal static unsafe class Families
{
    private static readonly Dictionary<string, Func<Prepared>> s_all = new()
    {
        ["open"] = () => new(cloexec => One(Native.Open("/dev/null", Linux.ORdOnly, 0, cloexec))),
        ["open (SafeHandle)"] = () => new(OpenHandle),
        ["open (custom string marshaller)"] = () => new(cloexec => One(Native.OpenThroughCustomMarshaller("/dev/null", Linux.ORdOnly, 0, cloexec))),
        ["openat"] = () => new(cloexec =>
        {
            fixed (byte* path = "/dev/null\0"u8)
            {
                return One(Native.OpenAt(Linux.AtFdCwd, path, Linux.ORdOnly, 0, cloexec));
            }
        }),
        ["openat (MarshalAs string)"] = () => new(cloexec => One(Native.OpenAtUtf16(Linux.AtFdCwd, "/dev/null", Linux.ORdOnly, 0, cloexec))),
        ["creat"] = () =>
        {
            string path = Path.Combine(Path.GetTempPath(), "cloexec-creat-" + Guid.NewGuid().ToString("N"));
            return new(cloexec => One(Native.Creat(path, Convert.ToInt32("600", 8), cloexec)), () => File.Delete(path));
        },
        ["pipe"] = () => new(cloexec =>
        {
            Span<int> fds = stackalloc int[2];
            Check(Native.Pipe(fds, cloexec));
            return fds.ToArray();
        }),
        ["pipe2"] = () => new(cloexec =>
        {
            int[] fds = new int[2];
            Check(Native.Pipe2(fds, 0, cloexec));
            return fds;
        }),
        ["dup"] = () => new(cloexec => One(Native.Dup(Anchor.Descriptor, cloexec))),
        ["dup2"] = () => OntoFreeNumber((number, cloexec) => Native.Dup2(Anchor.Descriptor, number, cloexec)),
        ["dup3"] = () => OntoFreeNumber((number, cloexec) => Native.Dup3(Anchor.Descriptor, number, 0, cloexec)),
        ["mkstemp"] = () => TempFile((template, cloexec) => Native.Mkstemp((byte*)template, cloexec)),
        ["mkostemp"] = () => TempFile((template, cloexec) => Native.Mkostemp((byte*)template, 0, cloexec)),
        ["posix_openpt"] = () => new(cloexec => One(Native.PosixOpenpt(Linux.ORdWr | Linux.ONoCtty, cloexec))),
        ["socket"] = () => new(cloexec => One(Native.Socket(Linux.AfUnix, Linux.SockStream, 0, cloexec))),
        ["socketpair"] = () => new(cloexec =>
        {
            int* fds = stackalloc int[2];
            Check(Native.SocketPair(Linux.AfUnix, Linux.SockStream, 0, fds, cloexec));
            return [fds[0], fds[1]];
        }),
        ["accept"] = () => Accepted((listener, cloexec) => Native.Accept(listener, 0, 0, cloexec)),
        ["accept4"] = () => Accepted((listener, cloexec) => Native.Accept4(listener, 0, 0, 0, cloexec)),
        ["epoll_create"] = () => new(cloexec => One(Native.EpollCreate(1, cloexec))),
        ["epoll_create1"] = () => new(cloexec => One(Native.EpollCreate1(0, cloexec))),
        ["eventfd"] = () => new(cloexec => One(Native.EventFd(0, 0, cloexec))),
        ["inotify_init"] = () => new(cloexec => One(Native.InotifyInit(cloexec))),
        ["inotify_init1"] = () => new(cloexec => One(Native.InotifyInit1(0, cloexec))),
        ["memfd_create"] = () => new(cloexec => One(Native.MemfdCreate("cloexec-test", 0, cloexec))),
        ["timerfd_create"] = () => new(cloexec => One(Native.TimerfdCreate(Linux.ClockMonotonic, 0, cloexec))),
        ["signalfd"] = () => new(cloexec =>
        {
            ulong mask = 0;
            return One(Native.Signalfd(-1, &mask, 0, cloexec));
        }),
        ["recvmsg (SCM_RIGHTS)"] = Received,
        ["fcntl F_DUPFD (Flag = None)"] = () => new(cloexec => One(Native.DupViaFcntl(Anchor.Descriptor, Linux.FDupFd, 0, cloexec))),
        ["socket (Wraps)"] = () => new(cloexec => One(Native.WrappedSocket(Linux.AfUnix, Linux.SockStream, 0, cloexec))),
        ["pipe (Wraps)"] = () => new(cloexec =>
        {
            Span<int> fds = stackalloc int[2];
            Check(Native.WrappedPipe(fds, cloexec));
            return fds.ToArray();
        }),
    };

    public static IEnumerable<string> Names => s_all.Keys;

    /// <summary>
    /// Families with no atomic way: the flag is set right after creation even where every atomic flag exists, so
    /// only <see cref="ForkLock"/> keeps a concurrent fork+exec from inheriting the descriptor.
    /// </summary>
    public static IReadOnlySet<string> SetAfterCreationOnly { get; } = new HashSet<string> { "fcntl F_DUPFD (Flag = None)", "pipe (Wraps)" };

    public static Created Create(string name, bool? cloexec) => Prepare(name).Call(cloexec);

    /// <summary>Does what the family's call needs beforehand; the call itself is made by <see cref="Prepared.Call"/>.</summary>
    public static Prepared Prepare(string name) => s_all[name]();

    private static int[] One(int fd) => [Check(fd)];

    private static int Check(int result) =>
        result >= 0 ? result : throw new InvalidOperationException($"the wrapper failed: errno {Marshal.GetLastPInvokeError()}");

    private static int[] OpenHandle(bool? cloexec)
    {
        SafeFileHandle handle = Native.OpenHandle("/dev/null", Linux.ORdOnly, 0, cloexec);
        if (handle.IsInvalid)
        {
            throw new InvalidOperationException($"the wrapper failed: errno {Marshal.GetLastPInvokeError()}");
        }

        // The handle owns the descriptor: hand it over so that Created closes it once.
        int fd = (int)handle.DangerousGetHandle();
        handle.SetHandleAsInvalid();
        return [fd];
    }

    private static Prepared OntoFreeNumber(Func<int, bool?, int> duplicate)
    {
        int number = Anchor.ReserveFreeNumber();
        return new(cloexec => One(duplicate(number, cloexec)), () => Anchor.Release(number));
    }

    private static Prepared TempFile(Func<nint, bool?, int> create)
    {
        byte[] template = Encoding.ASCII.GetBytes(Path.Combine(Path.GetTempPath(), "cloexec-XXXXXX") + "\0");
        return new(
            cloexec =>
            {
                fixed (byte* buffer = template)
                {
                    return One(create((nint)buffer, cloexec));
                }
            },
            // The call filled in the template's Xs; before it, the path names no file and Delete does nothing.
            () => File.Delete(Encoding.ASCII.GetString(template, 0, template.Length - 1)));
    }

    private static Prepared Accepted(Func<int, bool?, int> accept)
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

        return new(cloexec => One(accept(listener, cloexec)), () =>
        {
            _ = Native.Close(client);
            _ = Native.Close(listener);
        });
    }

    private static Prepared Received()
    {
        int[] pair = new int[2];
        fixed (int* fds = pair)
        {
            Check(Native.SocketPair(Linux.AfUnix, Linux.SockStream, 0, fds, cloexec: true));
        }

        // The anchor is in flight before the call: the call is the recvmsg alone.
        ScmRights.Send(pair[0], Anchor.Descriptor);
        return new(cloexec => One(ScmRights.Receive(pair[1], cloexec)), () =>
        {
            _ = Native.Close(pair[0]);
            _ = Native.Close(pair[1]);
        });
    }
}

/// <summary>A descriptor that dup-like calls copy, and free numbers to copy onto.</summary>
internal static class Anchor
{
    private const int FirstFreeNumber = 700;

    private static readonly HashSet<int> s_reserved = [];

    // Not beforefieldinit: the anchor is opened at its first use and never earlier, so that the probe can mark
    // that open (the process's first O_CLOEXEC call) for a tracer.
    static Anchor()
    {
    }

    public static int Descriptor { get; } = Native.Open("/dev/null", Linux.ORdOnly, 0, cloexec: true);

    /// <summary>
    /// A descriptor number nobody holds, for dup2 and dup3 to create, kept from other callers until
    /// <see cref="Release"/>: dup2 onto a number another thread holds would silently close that thread's
    /// descriptor. The kernel hands out the lowest free numbers, far below these.
    /// </summary>
    public static int ReserveFreeNumber()
    {
        lock (s_reserved)
        {
            int number = FirstFreeNumber;
            while (s_reserved.Contains(number) || Linux.IsOpen(number))
            {
                number++;
            }

            s_reserved.Add(number);
            return number;
        }
    }

    public static void Release(int number)
    {
        lock (s_reserved)
        {
            s_reserved.Remove(number);
        }
    }
}
