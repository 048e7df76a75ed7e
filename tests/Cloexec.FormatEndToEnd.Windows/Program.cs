using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using WindowsBindings.Native;

[assembly: SupportedOSPlatform("windows")]

namespace WindowsBindings;

/// <summary>
/// Every Winsock and CRT creator of the bindings, called by default (not inheritable expected), with
/// <c>cloexec: true</c> (not inheritable) and with <c>cloexec: false</c> (inheritable), each handle read back with
/// GetHandleInformation; then a child started with handle inheritance on is given the handle values of a socket and
/// of a pipe made each way, and must be able to write only through the cloexec: false ones. Then every creator whose
/// inheritance is an argument (ExplicitArgumentChecks.cs). Exits 1 on any mismatch.
/// It compiles only once `dotnet format` has converted the raw imports: the calls below pass <c>cloexec</c>.
/// </summary>
internal static unsafe partial class Program
{
    private const string ChildCommand = "--write-each";
    private const int O_RDONLY = 0, O_BINARY = 0x8000, SH_DENYNO = 0x40;
    private const int AF_INET = 2, SOCK_STREAM = 1, IPPROTO_TCP = 6;
    private static readonly bool?[] s_variants = [null, true, false];
    private static readonly List<string> s_failures = [];
    private static int s_checked;

    // The checks that leave inheritance to the ambient default: with CLOEXEC_DEFAULT=0 exactly these must fail.
    private static int s_reliesOnDefault;

    /// <summary>Handles one call made, and how to give them back.</summary>
    private sealed record Made(nint[] Handles, Action Close);

    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == ChildCommand)
        {
            return WriteEach(args.AsSpan(1));
        }

        if (args.Length > 0 && args[0] == ProveCommand)
        {
            return ProveEach(args.AsSpan(1));
        }

        StartWinsock();
        string path = Path.Combine(Path.GetTempPath(), "cloexec-e2e-windows-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".txt");
        File.WriteAllText(path, "e2e");
        try
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen();
            RunAll(path, listener);
            ChildGetsNothing(listener);
        }
        finally
        {
            File.Delete(path);
        }

        CheckExplicitArguments(Path.GetTempPath());

        Console.WriteLine($"{s_checked} calls checked, {s_failures.Count} failed");
        Console.WriteLine($"of them {s_reliesOnDefault} leave inheritance to the ambient default, {s_statedInArgument} state it in an argument");
        foreach (string failure in s_failures)
        {
            Console.Error.WriteLine("FAIL " + failure);
        }

        return s_failures.Count == 0 && s_checked > 0 ? 0 : 1;
    }

    private static void RunAll(string path, Socket listener)
    {
        Check("Winsock.WSASocket (CharSet.Unicode -> WSASocketW, enum flags)", c => Socket(Winsock.WSASocket(
            AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp, IntPtr.Zero, 0, SocketConstructorFlags.WSA_FLAG_OVERLAPPED, c)));
        Check("Winsock.WSASocketA (ExactSpelling, SafeHandle)", c =>
        {
            SafeSocket socket = Winsock.WSASocketA(AF_INET, SOCK_STREAM, IPPROTO_TCP, IntPtr.Zero, 0, 0x01, c);
            Require(!socket.IsInvalid, "WSASocketA");
            return new Made([socket.DangerousGetHandle()], socket.Dispose);
        });
        Check("Winsock.socket", c => Socket(Winsock.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP, c)));
        Check("Winsock.accept ([LibraryImport], byte[], ref int)", c =>
        {
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            client.Connect(listener.LocalEndPoint!);
            int length = 0;
            return Socket(Winsock.accept(listener.Handle, null, ref length, c));
        });

        Check("SocketNative.WSASocket (CharSet.Auto -> WSASocketW, SafeSocketHandle)", c =>
        {
            SafeSocketHandle socket = SocketNative.WSASocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, IntPtr.Zero, 0, 0x01, c);
            Require(!socket.IsInvalid, "WSASocket");
            return new Made([socket.DangerousGetHandle()], socket.Dispose);
        });
        Check("SocketNative.Accept ([LibraryImport] EntryPoint, SafeSocketHandle in and out)", c =>
        {
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            client.Connect(listener.LocalEndPoint!);
            SafeSocketHandle accepted = SocketNative.Accept(listener.SafeHandle, IntPtr.Zero, IntPtr.Zero, c);
            Require(!accepted.IsInvalid, "accept");
            return new Made([accepted.DangerousGetHandle()], accepted.Dispose);
        });

        Check("AutoCrt._wopen (CharSet.Auto, ExactSpelling)", c => UcrtFile(AutoCrt._wopen(path, O_RDONLY, 0, c)));
        Check("Ucrt._wopen (ucrtbase, CharSet.Unicode)", c => UcrtFile(Ucrt._wopen(path, O_RDONLY, 0, c)));
        Check("Ucrt._sopen_s (api-ms-win-crt-stdio, ANSI, out int)", c =>
        {
            int error = Ucrt._sopen_s(out int fd, path, O_RDONLY, SH_DENYNO, 0, c);
            Require(error == 0, "_sopen_s");
            return UcrtFile(fd);
        });
        Check("Ucrt._wsopen_s ([LibraryImport] Utf16, out int)", c =>
        {
            int error = Ucrt._wsopen_s(out int fd, path, O_RDONLY, SH_DENYNO, 0, c);
            Require(error == 0, "_wsopen_s");
            return UcrtFile(fd);
        });
        Check("Ucrt._pipe (int*)", c =>
        {
            int* fds = stackalloc int[2];
            Require(Ucrt._pipe(fds, 4096, O_BINARY, c) == 0, "_pipe");
            int read = fds[0], write = fds[1];
            return new Made([Ucrt._get_osfhandle(read), Ucrt._get_osfhandle(write)], () => { Ucrt._close(read); Ucrt._close(write); });
        });
        Check("Ucrt._dup (api-ms-win-crt-stdio)", c =>
        {
            int source = Ucrt._wopen(path, O_RDONLY, 0, cloexec: true);
            Require(source >= 0, "_wopen");
            int duplicate = Ucrt._dup(source, c);
            Ucrt._close(source);
            return UcrtFile(duplicate);
        });

        Check("Ucrt._dup2 (onto an inheritable descriptor)", c =>
        {
            int source = Ucrt._wopen(path, O_RDONLY, 0, cloexec: true);
            int target = Ucrt._wopen(path, O_RDONLY, 0, cloexec: false);
            Require(source >= 0 && target >= 0, "_wopen");
            int result = Ucrt._dup2(source, target, c);
            Ucrt._close(source);
            Require(result == 0, "_dup2");
            return UcrtFile(target);
        });

        Check("Msvcrt._open (ANSI path)", c => MsvcrtFile(Msvcrt._open(path, O_RDONLY, 0, c)));
        Check("Msvcrt._pipe ([Out] int[])", c =>
        {
            int[] fds = new int[2];
            Require(Msvcrt._pipe(fds, 4096, O_BINARY, c) == 0, "msvcrt _pipe");
            return new Made([Msvcrt._get_osfhandle(fds[0]), Msvcrt._get_osfhandle(fds[1])], () => { Msvcrt._close(fds[0]); Msvcrt._close(fds[1]); });
        });
        Check("Msvcrt._dup", c =>
        {
            int source = Msvcrt._open(path, O_RDONLY, 0, cloexec: true);
            Require(source >= 0, "msvcrt _open");
            int duplicate = Msvcrt._dup(source, c);
            Msvcrt._close(source);
            return MsvcrtFile(duplicate);
        });
        Check("Msvcrt._dup2 (onto an inheritable descriptor)", c =>
        {
            int source = Msvcrt._open(path, O_RDONLY, 0, cloexec: true);
            int target = Msvcrt._open(path, O_RDONLY, 0, cloexec: false);
            Require(source >= 0 && target >= 0, "msvcrt _open");
            int result = Msvcrt._dup2(source, target, c);
            Msvcrt._close(source);
            Require(result == 0, "msvcrt _dup2");
            return MsvcrtFile(target);
        });
    }

    /// <summary>Calls <paramref name="create"/> each way and reads HANDLE_FLAG_INHERIT of what it made.</summary>
    private static void Check(string name, Func<bool?, Made> create)
    {
        foreach (bool? cloexec in s_variants)
        {
            s_checked++;
            s_reliesOnDefault += cloexec is null ? 1 : 0;
            string call = $"{name}, cloexec: {cloexec?.ToString() ?? "default"}";
            if (Attempt(call, () => create(cloexec)) is not { } made)
            {
                continue;
            }

            try
            {
                CheckInheritance(call, made.Handles, inheritable: cloexec == false);
            }
            finally
            {
                made.Close();
            }
        }
    }

    /// <summary>Makes one call; one that throws is that call's failure, and the checks go on.</summary>
    private static T? Attempt<T>(string call, Func<T> make)
        where T : class
    {
        try
        {
            return make();
        }
        catch (InvalidOperationException e)
        {
            s_failures.Add(call + ": " + e.Message);
            return null;
        }
    }

    /// <summary>Reads HANDLE_FLAG_INHERIT of each handle a call made; one failure per call, however many handles are wrong.</summary>
    private static void CheckInheritance(string call, nint[] handles, bool inheritable)
    {
        var wrong = new List<string>();
        foreach (nint handle in handles)
        {
            if (!Kernel32.GetHandleInformation(handle, out uint flags))
            {
                wrong.Add($"GetHandleInformation({handle:x}) failed, error {Marshal.GetLastPInvokeError()}");
            }
            else if (((flags & Kernel32.HANDLE_FLAG_INHERIT) != 0) != inheritable)
            {
                wrong.Add($"handle {handle:x} has flags {flags:x}");
            }
        }

        if (wrong.Count > 0)
        {
            s_failures.Add($"{call}: {string.Join(", ", wrong)}");
        }
    }

    /// <summary>
    /// A child started by Process.Start (CreateProcessW with bInheritHandles = TRUE) is given the values of a connected
    /// socket's and of a pipe's write handle made each way, and writes a marker through each it can: only the
    /// cloexec: false ones may arrive at the peer, and they must (else the proof proves nothing).
    /// </summary>
    private static void ChildGetsNothing(Socket listener)
    {
        var sockets = new List<(nint Socket, Socket Peer)>();
        var pipes = new List<(int Read, int Write)>();
        try
        {
            byte[] address = LoopbackAddress(((IPEndPoint)listener.LocalEndPoint!).Port);
            int* fds = stackalloc int[2];
            foreach (bool? cloexec in s_variants)
            {
                nint socket = Winsock.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP, cloexec);
                Require(socket != -1, "socket");
                Require(Winsock.connect(socket, address, address.Length) == 0, "connect");
                sockets.Add((socket, listener.Accept()));

                Require(Ucrt._pipe(fds, 4096, O_BINARY, cloexec) == 0, "_pipe");
                pipes.Add((fds[0], fds[1]));
            }

            var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
            start.ArgumentList.Add(ChildCommand);
            foreach ((nint socket, _) in sockets)
            {
                start.ArgumentList.Add(socket.ToString("x", CultureInfo.InvariantCulture));
            }

            foreach ((_, int write) in pipes)
            {
                start.ArgumentList.Add(Ucrt._get_osfhandle(write).ToString("x", CultureInfo.InvariantCulture));
            }

            using (Process child = Process.Start(start)!)
            {
                Require(child.WaitForExit(120_000), "the child did not exit");
            }

            for (int i = 0; i < s_variants.Length; i++)
            {
                string way = s_variants[i]?.ToString() ?? "default";
                s_reliesOnDefault += s_variants[i] is null ? 2 : 0;
                s_checked++;
                Socket peer = sockets[i].Peer;
                bool socketArrived = peer.Poll(TimeSpan.FromSeconds(1), SelectMode.SelectRead) && peer.Available > 0;
                if (socketArrived != (s_variants[i] == false))
                {
                    s_failures.Add($"child and Winsock.socket, cloexec: {way}: the child's write arrived: {socketArrived}");
                }

                s_checked++;
                bool peeked = Kernel32.PeekNamedPipe(Ucrt._get_osfhandle(pipes[i].Read), 0, 0, 0, out int available, 0);
                bool pipeArrived = peeked && available > 0;
                if (pipeArrived != (s_variants[i] == false))
                {
                    s_failures.Add($"child and Ucrt._pipe, cloexec: {way}: the child's write arrived: {pipeArrived} (peek {peeked})");
                }
            }
        }
        catch (InvalidOperationException e)
        {
            s_checked++;
            s_failures.Add("child: " + e.Message);
        }
        finally
        {
            foreach ((nint socket, Socket peer) in sockets)
            {
                Winsock.closesocket(socket);
                peer.Dispose();
            }

            foreach ((int read, int write) in pipes)
            {
                Ucrt._close(read);
                Ucrt._close(write);
            }
        }
    }

    /// <summary>The child's side: writes a marker through every handle value it is given; a bit per write that worked.</summary>
    private static int WriteEach(ReadOnlySpan<string> handles)
    {
        StartWinsock();
        byte* marker = stackalloc byte[] { (byte)'<', (byte)'m', (byte)'>' };
        int written = 0;
        for (int i = 0; i < handles.Length; i++)
        {
            nint handle = (nint)long.Parse(handles[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (Kernel32.WriteFile(handle, marker, 3, out int count, 0) && count == 3)
            {
                written |= 1 << i;
            }
        }

        return written;
    }

    private static Made Socket(nint socket)
    {
        Require(socket != -1, "socket creator returned INVALID_SOCKET, error " + Marshal.GetLastPInvokeError());
        return new Made([socket], () => Winsock.closesocket(socket));
    }

    private static Made UcrtFile(int fd)
    {
        Require(fd >= 0, "ucrt creator returned " + fd);
        return new Made([Ucrt._get_osfhandle(fd)], () => Ucrt._close(fd));
    }

    private static Made MsvcrtFile(int fd)
    {
        Require(fd >= 0, "msvcrt creator returned " + fd);
        return new Made([Msvcrt._get_osfhandle(fd)], () => Msvcrt._close(fd));
    }

    private static byte[] LoopbackAddress(int port)
    {
        // sockaddr_in: family (little-endian), port (network order), 127.0.0.1, zero padding.
        byte[] address = new byte[16];
        address[0] = AF_INET;
        address[2] = (byte)(port >> 8);
        address[3] = (byte)port;
        address[4] = 127;
        address[7] = 1;
        return address;
    }

    private static void StartWinsock()
    {
        byte* data = stackalloc byte[512]; // WSADATA is 408 bytes on x64
        Require(Winsock.WSAStartup(0x0202, data) == 0, "WSAStartup");
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(what + " failed");
        }
    }
}
