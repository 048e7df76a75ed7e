using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using Cloexec.Tests.Creators;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// On the fallback path a creating call that blocks (accept, accept4, recvmsg, recvmmsg on a blocking socket) must not
/// hold ForkLock while it waits: a process start beside it gets the lock at once. Then the call completes, and what it
/// created is close-on-exec.
/// </summary>
public sealed unsafe class BlockingCreatorTests
{
    // x86-64 Linux values from /usr/include: bits/socket_type.h, bits/socket.h, asm-generic/socket.h,
    // asm-generic/errno-base.h, asm-generic/fcntl.h.
    private const int SockDgram = 2;
    private const int EAgain = 11;
    private const int SoRcvTimeo = 20;
    private const int FGetFl = 3;
    private const int FSetFl = 4;
    private const int ONonBlock = 0x800;

    /// <summary>The lock's answer to a start: a correctness bound, not a speed target (a lock held by the blocked call never answers).</summary>
    private static readonly TimeSpan s_lockWithin = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Creators => ["accept", "accept4", "recvmsg", "recvmmsg"];

    [Theory]
    [MemberData(nameof(Creators))]
    public void A_process_start_beside_a_creator_blocked_on_the_fallback_path_gets_the_lock_at_once(string creator)
    {
        using var state = new RuntimeState(forceFallback: true);
        using var socket = new Endpoint(creator);
        using var blocked = new BlockedCall(() => socket.Create(creator));
        blocked.WaitUntilAsleepInTheKernel();

        StartBeside(blocked, socket);

        socket.Deliver();
        int fd = blocked.Result(s_patience);
        try
        {
            Assert.True(Linux.HasCloexec(fd), $"{creator} returned descriptor {fd} without close-on-exec");
        }
        finally
        {
            _ = Native.Close(fd);
        }
    }

    [Fact]
    public void Two_acceptors_on_one_listener_one_connection_the_one_left_waiting_does_not_hold_the_lock()
    {
        using var state = new RuntimeState(forceFallback: true);
        using var socket = new Endpoint("accept");
        using var first = new BlockedCall(() => socket.Create("accept"));
        using var second = new BlockedCall(() => socket.Create("accept"));
        first.WaitUntilAsleepInTheKernel();
        second.WaitUntilAsleepInTheKernel();

        socket.Deliver();
        Assert.True(SpinWait.SpinUntil(() => !first.IsStillBlocked || !second.IsStillBlocked, s_patience), "no acceptor took the connection");
        BlockedCall winner = first.IsStillBlocked ? second : first;
        BlockedCall loser = first.IsStillBlocked ? first : second;
        _ = Native.Close(winner.Result(s_patience));
        loser.WaitUntilAsleepInTheKernel();

        StartBeside(loser, socket);

        socket.Deliver();
        int fd = loser.Result(s_patience);
        Assert.True(Linux.HasCloexec(fd));
        _ = Native.Close(fd);
    }

    [Fact]
    public void A_receive_timeout_still_ends_a_blocking_recvmsg_on_the_fallback_path()
    {
        using var state = new RuntimeState(forceFallback: true);
        using var socket = new Endpoint("recvmsg");
        long* value = stackalloc long[2] { 0, 50_000 }; // struct timeval: 0 s, 50,000 µs
        Assert.Equal(0, SetSockOpt(socket.Receiving, Linux.SolSocket, SoRcvTimeo, value, 16));

        using var call = new BlockedCall(() => socket.Create("recvmsg"));

        Assert.Equal(-1, call.Result(s_patience));
        Assert.Equal(EAgain, call.Errno);
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("recvmsg")]
    public void On_a_non_blocking_socket_the_fallback_path_answers_EAGAIN_at_once(string creator)
    {
        using var state = new RuntimeState(forceFallback: true);
        using var socket = new Endpoint(creator);
        Assert.NotEqual(-1, FcntlSetFl(socket.Receiving, FSetFl, Native.FcntlGetFd(socket.Receiving, FGetFl) | ONonBlock));

        using var call = new BlockedCall(() => socket.Create(creator));

        Assert.Equal(-1, call.Result(s_patience));
        Assert.Equal(EAgain, call.Errno);
    }

    /// <summary>ForkLock.Exclusive answers within <see cref="s_lockWithin"/>, and a child starts and exits inside it.</summary>
    /// <remarks>When the start hangs, <paramref name="socket"/> gets what the blocked call waits for, so that a broken lock fails this test instead of hanging the run.</remarks>
    private static void StartBeside(BlockedCall blocked, Endpoint socket)
    {
        TimeSpan? waitedForLock = null;
        Exception? failure = null;
        var starter = new Thread(() =>
        {
            try
            {
                long before = Stopwatch.GetTimestamp();
                using (ForkLock.Exclusive())
                {
                    waitedForLock = Stopwatch.GetElapsedTime(before);
                    using Process child = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!;
                    child.WaitForExit();
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        }) { IsBackground = true };
        starter.Start();

        if (!starter.Join(s_patience))
        {
            socket.Deliver();
            _ = starter.Join(s_patience);
            Assert.Fail("the start never finished: the blocked call holds the lock");
        }

        Assert.Null(failure);
        Assert.True(waitedForLock <= s_lockWithin, $"ForkLock.Exclusive answered after {waitedForLock?.TotalMilliseconds} ms");
        Assert.True(blocked.IsStillBlocked, "the creating call returned before anything arrived");
    }

    /// <summary>A listener with no connection, or a socket pair with nothing in flight; <see cref="Deliver"/> sends the one thing awaited.</summary>
    private sealed class Endpoint : IDisposable
    {
        private readonly byte[] _address = new byte[2 + 1 + 32];
        private readonly int _sending = -1;
        private readonly System.Collections.Generic.List<int> _clients = [];

        public Endpoint(string creator)
        {
            if (creator.StartsWith("accept", StringComparison.Ordinal))
            {
                _address[0] = Linux.AfUnix;
                Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N")).CopyTo(_address, 3);
                Receiving = Native.Socket(Linux.AfUnix, Linux.SockStream, 0, cloexec: true);
                fixed (byte* sockaddr = _address)
                {
                    Assert.Equal(0, Native.Bind(Receiving, sockaddr, _address.Length));
                }

                Assert.Equal(0, Native.Listen(Receiving, 4));
                return;
            }

            int* pair = stackalloc int[2];
            Assert.Equal(0, Native.SocketPair(Linux.AfUnix, creator == "recvmmsg" ? SockDgram : Linux.SockStream, 0, pair, cloexec: true));
            _sending = pair[0];
            Receiving = pair[1];
        }

        public int Receiving { get; }

        /// <summary>The generated wrapper's call on <see cref="Receiving"/>: the descriptor it made, or -1.</summary>
        public int Create(string creator) => creator switch
        {
            "accept" => Native.Accept(Receiving, 0, 0),
            "accept4" => Native.Accept4(Receiving, 0, 0, 0),
            "recvmsg" => ScmRights.Receive(Receiving, cloexec: null),
            "recvmmsg" => ReceiveOneMessage(),
            _ => throw new ArgumentOutOfRangeException(nameof(creator)),
        };

        public void Deliver()
        {
            if (_sending == -1)
            {
                int client = Native.Socket(Linux.AfUnix, Linux.SockStream, 0, cloexec: true);
                _clients.Add(client);
                fixed (byte* sockaddr = _address)
                {
                    Assert.Equal(0, Native.Connect(client, sockaddr, _address.Length));
                }
            }
            else
            {
                ScmRights.Send(_sending, Anchor.Descriptor);
            }
        }

        public void Dispose()
        {
            _clients.ForEach(fd => _ = Native.Close(fd));
            _ = Native.Close(Receiving);
            if (_sending != -1)
            {
                _ = Native.Close(_sending);
            }
        }

        private int ReceiveOneMessage()
        {
            const int ControlSize = 24; // CMSG_SPACE(sizeof(int)) on 64-bit Linux
            const int HeaderSize = 16;  // CMSG_LEN(0)
            byte data = 0;
            byte* control = stackalloc byte[ControlSize];
            new Span<byte>(control, ControlSize).Clear();
            var iov = new IOVec { Base = &data, Length = 1 };
            var message = new MMsgHdr { Header = new MsgHdr { Iov = &iov, IovLength = 1, Control = control, ControlLength = ControlSize } };
            int received = CreatorNative.RecvMMsg(Receiving, &message, 1, 0, null);
            return received == 1 ? *(int*)(control + HeaderSize) : -1;
        }
    }

    /// <summary>A call made on a thread of its own, which the test can see asleep in the kernel.</summary>
    private sealed class BlockedCall : IDisposable
    {
        private readonly Thread _thread;
        private readonly ManualResetEventSlim _calling = new();
        private volatile int _tid;
        private int _result = -1;

        public BlockedCall(Func<int> call)
        {
            _thread = new Thread(() =>
            {
                _tid = GetTid();
                _calling.Set();
                _result = call();
                Errno = Marshal.GetLastPInvokeError();
            }) { IsBackground = true, Name = "blocked creator" };
            _thread.Start();
        }

        public int Errno { get; private set; }

        public bool IsStillBlocked => _thread.IsAlive;

        /// <summary>The thread is inside the wrapper and sleeping in a system call (poll, accept, recvmsg...).</summary>
        public void WaitUntilAsleepInTheKernel()
        {
            Assert.True(_calling.Wait(s_patience));
            Assert.True(SpinWait.SpinUntil(() => State() == 'S' && InSystemCall(), s_patience), "the call never went to sleep");
        }

        public int Result(TimeSpan within)
        {
            Assert.True(_thread.Join(within), "the call never returned");
            return _result;
        }

        public void Dispose()
        {
            _calling.Dispose();
        }

        private char State()
        {
            try
            {
                string stat = File.ReadAllText($"/proc/self/task/{_tid}/stat");
                return stat[stat.LastIndexOf(')') + 2];
            }
            catch (IOException)
            {
                return '?';
            }
        }

        private bool InSystemCall()
        {
            try
            {
                string syscall = File.ReadAllText($"/proc/self/task/{_tid}/syscall");
                return !syscall.StartsWith("running", StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
        }
    }

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetTid();

    [DllImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    private static extern int SetSockOpt(int fd, int level, int name, void* value, uint length);

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int FcntlSetFl(int fd, int command, int flags);
}
