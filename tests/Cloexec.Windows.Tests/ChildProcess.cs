using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Cloexec.Windows.Tests;

/// <summary>
/// This executable started again as a child, with handle inheritance on (Process.Start calls CreateProcessW with
/// bInheritHandles = TRUE): it acts on each handle value it is given as the handle's <see cref="Proof"/> says.
/// </summary>
internal static unsafe class ChildProcess
{
    internal const string ProveEachCommand = "--prove-each";

    /// <summary>The marker a child writes through the handle at <paramref name="index"/>.</summary>
    internal static string Marker(int index) => "<m" + index.ToString(CultureInfo.InvariantCulture) + ">";

    /// <summary>Starts the child on every sink's handle and waits for it; returns its exit code (a bit per handle it could use).</summary>
    internal static int ProveEach(IReadOnlyList<Sink> sinks)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        start.ArgumentList.Add(ProveEachCommand);
        foreach (Sink sink in sinks)
        {
            string argument = sink.Proof + ":" + sink.Handle.ToString("x", CultureInfo.InvariantCulture);
            start.ArgumentList.Add(sink.Expected is null ? argument : argument + ":" + sink.Expected);
        }

        using Process child = Process.Start(start) ?? throw new InvalidOperationException("no child process");
        if (!child.WaitForExit(120_000))
        {
            child.Kill();
            throw new TimeoutException("the child process did not exit");
        }

        return child.ExitCode;
    }

    /// <summary>The child's side: <c>--prove-each Write:1a4 Send:2c0 ProcessId:1f0:1234 ...</c>.</summary>
    internal static int Run(ReadOnlySpan<string> arguments)
    {
        int proven = 0;
        for (int i = 0; i < arguments.Length; i++)
        {
            string[] parts = arguments[i].Split(':');
            var proof = Enum.Parse<Proof>(parts[0]);
            nint handle = (nint)long.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            uint expected = parts.Length > 2 ? uint.Parse(parts[2], CultureInfo.InvariantCulture) : 0;
            if (Prove(proof, handle, Marker(i), expected))
            {
                proven |= 1 << i;
            }
        }

        return proven;
    }

    private static bool Prove(Proof proof, nint handle, string marker, uint expected)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(marker);
        switch (proof)
        {
            case Proof.Write:
                return Write(handle, bytes);
            case Proof.Send:
                Win32.StartWinsock();
                fixed (byte* data = bytes)
                {
                    // Wine 8 answers send on an inherited socket with WSAENOTSOCK, yet WriteFile through it reaches
                    // the peer: either proves the handle was inherited.
                    return Win32.send(handle, data, bytes.Length, 0) == bytes.Length || Write(handle, bytes);
                }

            case Proof.WriteMapping:
                byte* view = Win32.MapViewOfFile(handle, Win32.FileMapWrite, 0, 0, (nuint)(bytes.Length + 1));
                if (view is null)
                {
                    return false;
                }

                bytes.AsSpan().CopyTo(new Span<byte>(view, bytes.Length));
                view[bytes.Length] = 0;
                return Win32.UnmapViewOfFile(view) != 0;
            case Proof.SetEvent:
                return Win32.SetEvent(handle) != 0;
            case Proof.ReleaseSemaphore:
                return Win32.ReleaseSemaphore(handle, 1, 0) != 0;
            case Proof.AbandonMutex:
                // Exiting while it owns the mutex abandons it.
                return Win32.WaitForSingleObject(handle, 0) == Win32.WaitObject0;
            case Proof.SetTimer:
                long dueNow = -1; // relative, in 100 ns units: at once
                return Win32.SetWaitableTimer(handle, &dueNow, 0, 0, 0, 0) != 0;
            case Proof.JoinJob:
                return Win32.AssignProcessToJobObject(handle, Win32.GetCurrentProcess()) != 0;
            case Proof.ProcessId:
                return Win32.GetProcessId(handle) == expected && expected != 0;
            case Proof.ThreadId:
                return Win32.GetThreadId(handle) == expected && expected != 0;
            default:
                return false;
        }
    }

    private static bool Write(nint handle, byte[] bytes)
    {
        fixed (byte* data = bytes)
        {
            return Win32.WriteFile(handle, data, bytes.Length, out int count, 0) != 0 && count == bytes.Length;
        }
    }
}
