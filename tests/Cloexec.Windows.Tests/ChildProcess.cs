using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Cloexec.Windows.Tests;

/// <summary>
/// This executable started again as a child, with handle inheritance on (Process.Start calls CreateProcessW with
/// bInheritHandles = TRUE): it writes a marker through each handle value it is given.
/// </summary>
internal static unsafe class ChildProcess
{
    internal const string WriteEachCommand = "--write-each";

    /// <summary>The marker a child writes through the handle at <paramref name="index"/>.</summary>
    internal static string Marker(int index) => "<m" + index.ToString(CultureInfo.InvariantCulture) + ">";

    /// <summary>Starts the child on every sink's handle and waits for it; returns its exit code (a bit per handle it could write).</summary>
    internal static int WriteThroughEach(IReadOnlyList<Sink> sinks)
    {
        var arguments = new List<string> { WriteEachCommand };
        arguments.AddRange(sinks.Select(s => (s.IsSocket ? "s:" : "h:") + s.Writer.ToString("x", CultureInfo.InvariantCulture)));
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process child = Process.Start(start) ?? throw new InvalidOperationException("no child process");
        if (!child.WaitForExit(120_000))
        {
            child.Kill();
            throw new TimeoutException("the child process did not exit");
        }

        return child.ExitCode;
    }

    /// <summary>The child's side: <c>--write-each h:1a4 s:2c0 ...</c>.</summary>
    internal static int WriteEach(ReadOnlySpan<string> handles)
    {
        int written = 0;
        bool winsockStarted = false;
        for (int i = 0; i < handles.Length; i++)
        {
            bool socket = handles[i].StartsWith("s:", StringComparison.Ordinal);
            nint handle = (nint)long.Parse(handles[i].AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            byte[] marker = Encoding.ASCII.GetBytes(Marker(i));
            bool ok;
            fixed (byte* bytes = marker)
            {
                if (socket && !winsockStarted)
                {
                    Win32.StartWinsock();
                    winsockStarted = true;
                }

                // A SOCKET is a file handle too. Wine 8 answers send on an inherited socket with WSAENOTSOCK, yet
                // WriteFile through it reaches the peer: either proves the handle was inherited.
                ok = (socket && Win32.send(handle, bytes, marker.Length, 0) == marker.Length)
                    || (Win32.WriteFile(handle, bytes, marker.Length, out int count, 0) != 0 && count == marker.Length);
            }

            if (ok)
            {
                written |= 1 << i;
            }
        }

        return written;
    }
}
