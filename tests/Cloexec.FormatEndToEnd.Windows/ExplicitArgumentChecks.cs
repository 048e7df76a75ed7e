using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.IO.Pipes;
using System.Runtime.InteropServices;
using System.Text;
using WindowsBindings.Native;
using WindowsBindings.Native.Ipc;
using WindowsBindings.Native.SharedMemory;

namespace WindowsBindings;

/// <summary>
/// The creators whose inheritance is an argument (SECURITY_ATTRIBUTES, bInheritHandle), called each way: as the
/// original code calls them (cloexec unset: the argument decides, FALSE or a null SECURITY_ATTRIBUTES not inheritable,
/// TRUE inheritable, whatever CLOEXEC_DEFAULT says) and with each override (cloexec: true never, cloexec: false always
/// inheritable). Each handle is read with GetHandleInformation, then a child started with inheritance on is given every
/// handle one way made and must reach the objects of the inheritable ones only; the caller's SECURITY_ATTRIBUTES must be
/// as it was.
/// </summary>
internal static unsafe partial class Program
{
    private const string ProveCommand = "--prove-each";
    private const string Marker = "<m>";
    private const int ChildTimeoutMilliseconds = 120_000;

    // The original code's two calls first, then each override over each argument.
    private static readonly Call[] s_calls = [new(false, null), new(true, null), new(true, true), new(false, false), new(false, true), new(true, false)];
    private static int s_statedInArgument;

    private static void CheckExplicitArguments(string directory)
    {
        List<Creator> creators = ExplicitCreators(directory);
        foreach (Call call in s_calls)
        {
            var made = new List<(string Call, Probe Probe)>();
            try
            {
                foreach ((string name, Func<Call, Probe> make, bool leftAlone) in creators)
                {
                    if (leftAlone && call.Cloexec is not null)
                    {
                        continue;
                    }

                    string label = $"{name}, {call}";
                    s_checked++;
                    s_statedInArgument++;
                    if (Attempt(label, () => make(call)) is not { } probe)
                    {
                        continue;
                    }

                    made.Add((label, probe));
                    CheckInheritance(label, probe.Handles, call.Inheritable);
                    if (probe.Attributes is (string before, string after))
                    {
                        s_checked++;
                        s_statedInArgument++;
                        if (before != after)
                        {
                            s_failures.Add($"{label}: the caller's SECURITY_ATTRIBUTES went from {before} to {after}");
                        }
                    }
                }

                int reported = ProveInChild(made);
                int bit = 0;
                foreach ((string label, Probe probe) in made)
                {
                    s_checked++;
                    s_statedInArgument++;
                    bool reached = probe.Observe is { } observe ? observe() : (reported & (1 << bit++)) != 0;
                    if (reached != call.Inheritable)
                    {
                        s_failures.Add($"child and {label}: the child reached the object: {reached}");
                    }
                }
            }
            catch (InvalidOperationException e)
            {
                s_checked++;
                s_failures.Add($"child, {call}: {e.Message}");
            }
            finally
            {
                foreach ((_, Probe probe) in made)
                {
                    probe.Close();
                }
            }
        }
    }

    /// <summary>Starts this program again with inheritance on, given every probe's handle; returns its exit code.</summary>
    private static int ProveInChild(List<(string Call, Probe Probe)> made)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        start.ArgumentList.Add(ProveCommand);
        foreach ((_, Probe probe) in made)
        {
            string argument = probe.Proof + ":" + probe.ChildHandle.ToString("x", CultureInfo.InvariantCulture);
            start.ArgumentList.Add(probe.Observe is null ? argument + ":" + probe.ExpectedId.ToString(CultureInfo.InvariantCulture) : argument);
        }

        using Process child = Process.Start(start) ?? throw new InvalidOperationException("no child process");
        if (!child.WaitForExit(ChildTimeoutMilliseconds))
        {
            child.Kill();
            throw new InvalidOperationException("the child did not exit");
        }

        return child.ExitCode;
    }

    /// <summary>The child's side: acts on each <c>Proof:hex[:id]</c>; a bit, in order, per id it found.</summary>
    private static int ProveEach(ReadOnlySpan<string> arguments)
    {
        int reported = 0, bit = 0;
        foreach (string argument in arguments)
        {
            string[] parts = argument.Split(':');
            Proof proof = Enum.Parse<Proof>(parts[0]);
            nint handle = (nint)long.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (proof is Proof.ProcessId or Proof.ThreadId)
            {
                uint expected = uint.Parse(parts[2], CultureInfo.InvariantCulture);
                uint found = proof == Proof.ProcessId ? Kernel32.GetProcessId(handle) : Kernel32.GetThreadId(handle);
                if (expected != 0 && found == expected)
                {
                    reported |= 1 << bit;
                }

                bit++;
            }
            else
            {
                Act(proof, handle);
            }
        }

        return reported;
    }

    private static void Act(Proof proof, nint handle)
    {
        byte[] marker = Encoding.ASCII.GetBytes(Marker);
        switch (proof)
        {
            case Proof.Write:
                fixed (byte* bytes = marker)
                {
                    Kernel32.WriteFile(handle, bytes, marker.Length, out _, 0);
                }

                break;
            case Proof.WriteMapping:
                nint view = SharedMemoryNative.MapViewOfFile(handle, Kernel32.FILE_MAP_WRITE, 0, 0, (nuint)marker.Length);
                if (view != 0)
                {
                    Marshal.Copy(marker, 0, view, marker.Length);
                    SharedMemoryNative.UnmapViewOfFile(view);
                }

                break;
            case Proof.SetEvent:
                Kernel32.SetEvent(handle);
                break;
            case Proof.ReleaseSemaphore:
                Kernel32.ReleaseSemaphore(handle, 1, 0);
                break;
            case Proof.AbandonMutex:
                // Exiting while owning it abandons it.
                Kernel32.WaitForSingleObject(handle, 0);
                break;
            case Proof.SetTimer:
                long dueAtOnce = -1; // relative, in 100 ns units
                Kernel32.SetWaitableTimer(handle, &dueAtOnce, 0, 0, 0, 0);
                break;
            case Proof.JoinJob:
                Kernel32.AssignProcessToJobObject(handle, Kernel32.GetCurrentProcess());
                break;
        }
    }

    private static string NewPath(string directory) => Path.Combine(directory, "cloexec-e2e-" + Guid.NewGuid().ToString("n") + ".txt");

    private static string NewName() => "cloexec-e2e-" + Guid.NewGuid().ToString("n");

    /// <summary>A caller's SECURITY_ATTRIBUTES (struct or class) as the marshaller lays it out: to compare before and after.</summary>
    private static string Snapshot(object? attributes)
    {
        if (attributes is null)
        {
            return "null";
        }

        int size = Marshal.SizeOf(attributes);
        nint native = Marshal.AllocHGlobal(size);
        try
        {
            Marshal.StructureToPtr(attributes, native, fDeleteOld: false);
            return Convert.ToHexString(new ReadOnlySpan<byte>((void*)native, size));
        }
        finally
        {
            Marshal.FreeHGlobal(native);
        }
    }

    /// <summary>A SECURITY_ATTRIBUTES for the creators whose attributes are an IntPtr, asking for inheritance.</summary>
    private static SECURITY_ATTRIBUTES InheritingAttributes() =>
        new() { nLength = sizeof(SECURITY_ATTRIBUTES), bInheritHandle = 1 };

    private static Probe FileProbe(string path, nint handle, Action close)
    {
        Require(handle != 0 && handle != -1, "the file was not created, error " + Marshal.GetLastPInvokeError());
        return new Probe([handle], handle, Proof.Write, () => ReadShared(path).Contains(Marker, StringComparison.Ordinal), () =>
        {
            close();
            File.Delete(path);
        });
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>An anonymous pipe: both ends are checked, the child writes through the write end.</summary>
    private static Probe PipeProbe(nint read, nint write, Action close) =>
        new([read, write], write, Proof.Write, () => Available(read) > 0, close);

    private static int Available(nint pipe) => Kernel32.PeekNamedPipe(pipe, 0, 0, 0, out int available, 0) ? available : 0;

    /// <summary>The server end of a named pipe, which the child writes through; the parent reads at a client end it opens.</summary>
    private static Probe NamedPipeProbe(string name, nint server, Action close)
    {
        Require(server != 0 && server != -1, "the named pipe was not created, error " + Marshal.GetLastPInvokeError());
        var client = new NamedPipeClientStream(".", name, PipeDirection.InOut);
        client.Connect(10_000);
        LegacyPipeNative.ConnectNamedPipe(server, 0); // ERROR_PIPE_CONNECTED: the client came first
        return new Probe([server], server, Proof.Write, () => Available(client.SafePipeHandle.DangerousGetHandle()) > 0, () =>
        {
            close();
            client.Dispose();
        });
    }

    private static Probe MappingProbe(nint mapping, Action close)
    {
        Require(mapping != 0, "the mapping was not created, error " + Marshal.GetLastPInvokeError());
        nint view = SharedMemoryNative.MapViewOfFile(mapping, Kernel32.FILE_MAP_WRITE, 0, 0, 0);
        Require(view != 0, "MapViewOfFile");
        return new Probe([mapping], mapping, Proof.WriteMapping, () => Marshal.PtrToStringAnsi(view, Marker.Length) == Marker, () =>
        {
            SharedMemoryNative.UnmapViewOfFile(view);
            close();
        });
    }

    private static Probe Signalled(nint handle, Proof proof, Action close, uint waitMilliseconds = 0)
    {
        Require(handle != 0, proof + ": the object was not created, error " + Marshal.GetLastPInvokeError());
        return new Probe([handle], handle, proof, () => Kernel32.WaitForSingleObject(handle, waitMilliseconds) == Kernel32.WAIT_OBJECT_0, close);
    }

    private static Probe MutexProbe(nint handle, Action close)
    {
        Require(handle != 0, "the mutex was not created, error " + Marshal.GetLastPInvokeError());
        return new Probe([handle], handle, Proof.AbandonMutex, () => Kernel32.WaitForSingleObject(handle, 0) == Kernel32.WAIT_ABANDONED, close);
    }

    private static Probe JobProbe(nint job, Action close)
    {
        Require(job != 0, "the job was not created, error " + Marshal.GetLastPInvokeError());
        return new Probe([job], job, Proof.JoinJob, () => JobProcesses(job) > 0, close);
    }

    private static int JobProcesses(nint job)
    {
        byte* accounting = stackalloc byte[48];
        Require(Kernel32.QueryInformationJobObject(job, Kernel32.JobObjectBasicAccountingInformation, accounting, 48, 0) != 0, "QueryInformationJobObject");
        return *(int*)(accounting + 36); // TotalProcesses
    }

    private static Probe ProcessProbe(nint process, Action close)
    {
        Require(process != 0, "OpenProcess, error " + Marshal.GetLastPInvokeError());
        return new Probe([process], process, Proof.ProcessId, null, close) { ExpectedId = (uint)Environment.ProcessId };
    }

    private static Probe ThreadProbe(nint thread, uint id, Action close)
    {
        Require(thread != 0, "OpenThread, error " + Marshal.GetLastPInvokeError());
        return new Probe([thread], thread, Proof.ThreadId, null, close) { ExpectedId = id };
    }

    /// <summary>An object the parent made through .NET and a creator opened again: the child acts on the opened one.</summary>
    private static Probe Opened(nint opened, Proof proof, Func<bool> observe, Action close)
    {
        Require(opened != 0, proof + ": the object was not opened, error " + Marshal.GetLastPInvokeError());
        return new Probe([opened], opened, proof, observe, close);
    }
}
