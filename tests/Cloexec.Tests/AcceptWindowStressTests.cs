using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// The window the fork lock leaves around accept, measured: four threads accept through the generated wrapper on one
/// blocking listener (fallback forced) while connections arrive without pause and 100 children start under
/// ForkLock. Without a foreign acceptor no start ever waits for an accept; with a raw accept4 competing for the same
/// connections a wrapper can lose one between its zero-timeout poll and accept, and then holds the lock until the
/// next connection: the waits are reported, never asserted (timing belongs to benchmarks). No child may inherit an
/// accepted socket either way.
/// </summary>
public sealed unsafe class AcceptWindowStressTests(ITestOutputHelper output)
{
    private const int Children = 100;
    private const int WrapperAcceptors = 4;
    private const int ShutRdWr = 2; // sys/socket.h SHUT_RDWR
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Children_started_beside_blocking_accepts_inherit_no_accepted_socket(bool foreignAcceptor)
    {
        using var state = new RuntimeState(forceFallback: true);
        byte[] address = new byte[2 + 1 + 32];
        address[0] = Linux.AfUnix;
        Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N")).CopyTo(address, 3);
        int listener = Native.Socket(Linux.AfUnix, Linux.SockStream, 0, cloexec: true);
        fixed (byte* sockaddr = address)
        {
            Assert.Equal(0, Native.Bind(listener, sockaddr, address.Length));
        }

        Assert.Equal(0, Native.Listen(listener, 128));
        Dictionary<int, string> baseline = ChildDescriptors.ReadOne(Process.Start);

        var stop = new CancellationTokenSource();
        long byWrapper = 0, byForeign = 0, withoutFlag = 0;
        var threads = new List<Thread>();
        for (int i = 0; i < WrapperAcceptors; i++)
        {
            threads.Add(Run(() =>
            {
                while (true)
                {
                    int fd = Native.Accept(listener, 0, 0);
                    if (fd == -1)
                    {
                        return; // the listener was shut down
                    }

                    _ = Interlocked.Increment(ref byWrapper);
                    if (!Linux.HasCloexec(fd))
                    {
                        _ = Interlocked.Increment(ref withoutFlag);
                    }

                    _ = Native.Close(fd);
                }
            }));
        }

        if (foreignAcceptor)
        {
            threads.Add(Run(() =>
            {
                // Foreign, but careful code: its own descriptors are close-on-exec (atomically), so that any leak seen is ours.
                while (RawAccept4(listener, 0, 0, Linux.SockCloexec) is var fd && fd != -1)
                {
                    _ = Interlocked.Increment(ref byForeign);
                    _ = Native.Close(fd);
                }
            }));
        }

        Thread connector = Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Raw: a wrapper on the forced fallback would wait for the lock, which a wrapper that lost its
                // connection holds until this thread connects again.
                int client = RawSocket(Linux.AfUnix, Linux.SockStream | Linux.SockCloexec, 0);
                fixed (byte* sockaddr = address)
                {
                    _ = Native.Connect(client, sockaddr, address.Length);
                }

                _ = Native.Close(client);
            }
        });

        var waits = new List<double>(Children);
        var leaked = new List<string>();
        using (var children = new ChildDescriptors())
        {
            for (int child = 0; child < Children; child++)
            {
                Dictionary<int, string> table = children.Read(info =>
                {
                    long before = Stopwatch.GetTimestamp();
                    using (ForkLock.Exclusive())
                    {
                        waits.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
                        return Process.Start(info);
                    }
                });
                leaked.AddRange(table.Where(entry => !baseline.ContainsKey(entry.Key) || baseline[entry.Key] != entry.Value).Select(entry => $"{entry.Key} -> {entry.Value}"));
            }
        }

        stop.Cancel();
        Assert.True(connector.Join(s_patience));
        _ = Shutdown(listener, ShutRdWr);
        Assert.All(threads, t => Assert.True(t.Join(s_patience), "an acceptor did not return after shutdown"));
        _ = Native.Close(listener);

        waits.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Children} starts; connections accepted by the wrappers {byWrapper}, by a raw accept {byForeign}; ForkLock.Exclusive waited median {waits[waits.Count / 2]:F2} ms, p90 {waits[waits.Count * 9 / 10]:F2} ms, max {waits[^1]:F2} ms"));
        Assert.True(byWrapper > 0, "the wrappers accepted nothing: the stress did not run");
        Assert.Equal(0, Interlocked.Read(ref withoutFlag));
        Assert.True(leaked.Count == 0, "children inherited: " + string.Join(", ", leaked.Take(20)));
    }

    private static Thread Run(Action body)
    {
        var thread = new Thread(() => body()) { IsBackground = true };
        thread.Start();
        return thread;
    }

    [DllImport("libc", EntryPoint = "accept4")]
    private static extern int RawAccept4(int fd, nint address, nint length, int flags);

    [DllImport("libc", EntryPoint = "socket")]
    private static extern int RawSocket(int domain, int type, int protocol);

    [DllImport("libc", EntryPoint = "shutdown")]
    private static extern int Shutdown(int fd, int how);
}
