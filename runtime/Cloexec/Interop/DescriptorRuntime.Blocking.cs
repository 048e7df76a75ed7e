using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Cloexec.Platform;

namespace Cloexec.Interop;

// Creating calls that can block (accept, recvmsg, recvmmsg on a blocking socket) never hold ForkLock while they
// block, or one idle listener would hold off every process start. Two shapes, chosen by the generator's table:
// - the call takes MSG_DONTWAIT (recvmsg, recvmmsg): it is made under the lock without blocking; when it would have
//   blocked, the lock is let go, the socket is waited on with poll, and the call is made again. No window remains.
// - the call cannot be told not to block (accept): the socket is waited on first, without the lock; then, under the
//   lock and a per-socket gate that lines up this runtime's own callers, a zero-timeout poll checks that the
//   connection is still there before accept takes it. What remains: code that accepts on the same socket without
//   these wrappers (another library, another process) takes the connection between that poll and accept; accept
//   then blocks, holding the lock, until the next connection.
public static partial class DescriptorRuntime
{
    // Monitors, one per slot of descriptor numbers: callers on the same socket line up, others rarely meet.
    private static readonly object[] s_socketGates = CreateGates(64);

    [ThreadStatic]
    private static object? t_heldGate;

    /// <summary>
    /// Before a creating call that cannot be made non-blocking (accept), on a descriptor that may be blocking: on the
    /// fallback path, waits until <paramref name="fd"/> is readable without holding <see cref="ForkLock"/>, then takes
    /// the lock. Returns whether it did; <see cref="ExitFallback(bool)"/> releases everything.
    /// </summary>
    public static bool EnterFallbackWhenReadable(CloexecMode mode, bool atomic, int fd)
    {
        if (atomic || mode != CloexecMode.Set)
        {
            return false;
        }

        if (WaitAndWalkValues.Current is not { } values || !IsBlocking(fd, values))
        {
            // Nothing to wait for: the call returns at once (EAGAIN on a non-blocking socket, or Windows).
            return ForkLock.TryEnterShared();
        }

        int timeout = ReceiveTimeout(fd, values);
        object gate = s_socketGates[(uint)fd % (uint)s_socketGates.Length];
        while (true)
        {
            bool timedOut = PollReadable(fd, timeout) == 0;
            Monitor.Enter(gate);
            bool entered = ForkLock.TryEnterShared();
            if (!entered)
            {
                // This thread holds a start's scope: nothing would wait on it but its own starts.
                Monitor.Exit(gate);
                return false;
            }

            // A timed-out wait makes the call itself time out (SO_RCVTIMEO), with the lock held at most that long.
            if (timedOut || PollReadable(fd, 0) != 0)
            {
                t_heldGate = gate;
                return true;
            }

            ForkLock.ExitShared();
            Monitor.Exit(gate);
        }
    }

    /// <inheritdoc cref="EnterFallbackWhenReadable(CloexecMode, bool, int)"/>
    public static bool EnterFallbackWhenReadable(CloexecMode mode, bool atomic, nint fd) => EnterFallbackWhenReadable(mode, atomic, (int)fd);

    /// <inheritdoc cref="EnterFallbackWhenReadable(CloexecMode, bool, int)"/>
    public static bool EnterFallbackWhenReadable(CloexecMode mode, bool atomic, SafeHandle fd)
    {
        ArgumentNullException.ThrowIfNull(fd);
        return EnterFallbackWhenReadable(mode, atomic, (int)fd.DangerousGetHandle());
    }

    /// <summary>The flags for a call that takes <c>MSG_DONTWAIT</c>: with it while the lock is held.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DontWaitWhileHeld(int flags, bool forkLockHeld) =>
        forkLockHeld && WaitAndWalkValues.Current is { } values ? flags | values.MsgDontWait : flags;

    /// <summary>
    /// After a call made with <see cref="DontWaitWhileHeld"/>: <see langword="true"/> when it failed only because it
    /// would have blocked and the caller wanted it to block. The lock was let go, the socket waited on, and the lock
    /// taken again: make the call again. Its own <c>SO_RCVTIMEO</c> still ends the wait with <c>EAGAIN</c>.
    /// </summary>
    public static bool WaitAgain(ref bool forkLockHeld, int fd, int callerFlags, long result, int errno)
    {
        if (!forkLockHeld || result != -1 || WaitAndWalkValues.Current is not { } values || errno != values.EAgain
            || (callerFlags & values.MsgDontWait) != 0 || !IsBlocking(fd, values))
        {
            return false;
        }

        ForkLock.ExitShared();
        forkLockHeld = false;
        if (PollReadable(fd, ReceiveTimeout(fd, values)) == 0)
        {
            return false;
        }

        forkLockHeld = ForkLock.TryEnterShared();
        return true;
    }

    /// <inheritdoc cref="WaitAgain(ref bool, int, int, long, int)"/>
    public static bool WaitAgain(ref bool forkLockHeld, nint fd, int callerFlags, long result, int errno) =>
        WaitAgain(ref forkLockHeld, (int)fd, callerFlags, result, errno);

    /// <inheritdoc cref="WaitAgain(ref bool, int, int, long, int)"/>
    public static bool WaitAgain(ref bool forkLockHeld, SafeHandle fd, int callerFlags, long result, int errno)
    {
        ArgumentNullException.ThrowIfNull(fd);
        return WaitAgain(ref forkLockHeld, (int)fd.DangerousGetHandle(), callerFlags, result, errno);
    }

    private static void ExitGate()
    {
        if (t_heldGate is { } gate)
        {
            t_heldGate = null;
            Monitor.Exit(gate);
        }
    }

    private static bool IsBlocking(int fd, WaitAndWalkValues values)
    {
        int status = Libc.FcntlGet(fd, WaitAndWalkValues.FGetFl);
        return status != -1 && (status & values.ONonBlock) == 0;
    }

    /// <summary>Milliseconds of the socket's SO_RCVTIMEO, -1 (forever) when it has none or is no socket.</summary>
    private static unsafe int ReceiveTimeout(int fd, WaitAndWalkValues values)
    {
        // struct timeval: a 64-bit tv_sec, then tv_usec (a long on Linux and FreeBSD, an int then padding on Apple).
        long* timeval = stackalloc long[2];
        timeval[0] = 0;
        timeval[1] = 0;
        uint length = 16;
        if (Libc.GetSockOpt(fd, values.SolSocket, values.SoRcvTimeo, timeval, &length) != 0)
        {
            return -1;
        }

        long milliseconds = (timeval[0] * 1000) + (*(int*)&timeval[1] / 1000);
        return milliseconds <= 0 ? -1 : (int)Math.Min(milliseconds, int.MaxValue);
    }

    /// <summary>poll for readability (or an error, or hang-up: the call then returns at once); 0 when timed out.</summary>
    private static unsafe int PollReadable(int fd, int timeoutMilliseconds)
    {
        var entry = new Libc.PollFd { Fd = fd, Events = WaitAndWalkValues.PollIn };
        while (true)
        {
            int ready = Libc.Poll(&entry, 1, timeoutMilliseconds);
            if (ready != -1 || Marshal.GetLastSystemError() != WaitAndWalkValues.EIntr)
            {
                // poll failing otherwise (ENOMEM) is no reason to hold off the call: let it run and answer.
                return ready == -1 ? 1 : ready;
            }
        }
    }

    private static object[] CreateGates(int count)
    {
        var gates = new object[count];
        for (int i = 0; i < count; i++)
        {
            gates[i] = new object();
        }

        return gates;
    }
}
