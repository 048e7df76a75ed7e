using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Cloexec.Platform;

namespace Cloexec.Interop;

// The fallback window: between a non-atomic creation and its set-after, the shared side of ForkLock keeps every
// fork+exec out. Creating calls that can block (accept, recvmsg, recvmmsg on a blocking socket) never hold it while
// they block, or one idle listener would hold off every process start. Two shapes, chosen by the generator's table:
// - the call takes MSG_DONTWAIT (recvmsg, recvmmsg): it is made under the lock without blocking; when it would have
//   blocked, the lock is let go, the socket is waited on with poll, and the call is made again. No window remains.
// - the call cannot be told not to block (accept): the socket is waited on first, without the lock; then, under the
//   lock and a per-socket gate that lines up this runtime's own callers, a zero-timeout poll checks that the
//   connection is still there before accept takes it. What remains: code that accepts on the same socket without
//   these wrappers (another library, another process) takes the connection between that poll and accept; accept
//   then blocks, holding the lock, until the next connection.
internal static class FallbackWindow
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Enter(CloexecMode mode, bool atomic)
    {
        if (atomic || mode != CloexecMode.Set)
        {
            return false;
        }

        return ForkLock.TryEnterShared();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Exit(bool entered)
    {
        if (entered)
        {
            ForkLock.ExitShared();
            ExitGate();
        }
    }

    // Monitors, one per slot of descriptor numbers: callers on the same socket line up, others rarely meet.
    private static readonly object[] s_socketGates = CreateGates(64);

    [ThreadStatic]
    private static object? t_heldGate;

    internal static bool EnterWhenReadable(CloexecMode mode, bool atomic, int fd)
    {
        if (atomic || mode != CloexecMode.Set)
        {
            return false;
        }

        if (PlatformValues.Current is not { CanWaitOutsideLock: true } values || !IsBlocking(fd, values))
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

    internal static bool EnterWhenReadable(CloexecMode mode, bool atomic, SafeHandle fd)
    {
        ArgumentNullException.ThrowIfNull(fd);
        return EnterWhenReadable(mode, atomic, (int)fd.DangerousGetHandle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int DontWaitWhileHeld(int flags, bool forkLockHeld) =>
        forkLockHeld && PlatformValues.Current is { CanWaitOutsideLock: true } values ? flags | values.MsgDontWait : flags;

    internal static bool WaitAgain(ref bool forkLockHeld, int fd, int callerFlags, long result, int errno)
    {
        if (!forkLockHeld || result != -1 || PlatformValues.Current is not { CanWaitOutsideLock: true } values || errno != values.EAgain
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

    internal static bool WaitAgain(ref bool forkLockHeld, SafeHandle fd, int callerFlags, long result, int errno)
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

    private static bool IsBlocking(int fd, PlatformValues values)
    {
        int status = Libc.FcntlGet(fd, PlatformValues.FGetFl);
        return status != -1 && (status & values.ONonBlock) == 0;
    }

    /// <summary>Milliseconds of the socket's SO_RCVTIMEO, -1 (forever) when it has none or is no socket.</summary>
    private static unsafe int ReceiveTimeout(int fd, PlatformValues values)
    {
        // struct timeval: on 64-bit platforms a 64-bit tv_sec, then tv_usec (a long on Linux and FreeBSD, an int then
        // padding on Apple); on 32-bit Linux (SO_RCVTIMEO_OLD) two 32-bit longs. The length the kernel wrote tells which.
        long* timeval = stackalloc long[2];
        timeval[0] = 0;
        timeval[1] = 0;
        uint length = 16;
        if (Libc.GetSockOpt(fd, values.SolSocket, values.SoRcvTimeo, timeval, &length) != 0)
        {
            return -1;
        }

        int* halves = (int*)timeval;
        (long seconds, long microseconds) = length == 8 ? (halves[0], halves[1])
            : values.Kernel == UnixKernel.MacOS ? (timeval[0], halves[2])
            : (timeval[0], timeval[1]);
        long milliseconds = (seconds * 1000) + (microseconds / 1000);
        return milliseconds <= 0 ? -1 : (int)Math.Min(milliseconds, int.MaxValue);
    }

    /// <summary>poll for readability (or an error, or hang-up: the call then returns at once); 0 when timed out.</summary>
    private static unsafe int PollReadable(int fd, int timeoutMilliseconds)
    {
        var entry = new Libc.PollFd { Fd = fd, Events = PlatformValues.PollIn };
        while (true)
        {
            int ready = Libc.Poll(&entry, 1, timeoutMilliseconds);
            if (ready != -1 || Marshal.GetLastSystemError() != PlatformValues.EIntr)
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
