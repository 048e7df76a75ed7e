using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace Cloexec.Windows.Tests;

/// <summary>How to make one handle with each Windows creator, as a <see cref="Sink"/> the tests can check and a child can write to.</summary>
internal static unsafe partial class CreatorCases
{
    private static readonly Dictionary<string, Func<bool?, Sink>> s_cases = new()
    {
        ["CreateFileW"] = cloexec =>
        {
            string path = TemporaryPath();
            return FileSink(path, Creators.CreateFile(path, Win32.GenericWrite, Win32.FileShareAll, 0, Win32.CreateAlways, Win32.FileAttributeNormal, 0, cloexec));
        },
        ["CreateFileW with SECURITY_ATTRIBUTES"] = cloexec =>
        {
            // The caller's own struct asks for the opposite of an explicit cloexec, which wins; the struct stays as it was.
            var attributes = new SECURITY_ATTRIBUTES { nLength = sizeof(SECURITY_ATTRIBUTES), bInheritHandle = Stated(cloexec) };
            int before = attributes.bInheritHandle;
            string path = TemporaryPath();
            nint handle = Creators.CreateFile(path, Win32.GenericWrite, Win32.FileShareAll, (nint)(&attributes), Win32.CreateAlways, Win32.FileAttributeNormal, 0, cloexec);
            Assert.Equal(before, attributes.bInheritHandle);
            return FileSink(path, handle);
        },
        ["CreatePipe"] = cloexec =>
        {
            Assert.NotEqual(0, Creators.CreatePipe(out nint read, out nint write, null, 0, cloexec));
            return PipeSink(read, write);
        },
        ["CreatePipe by ref"] = cloexec =>
        {
            var attributes = new SECURITY_ATTRIBUTES { nLength = sizeof(SECURITY_ATTRIBUTES), bInheritHandle = Stated(cloexec) };
            Assert.NotEqual(0, Creators.CreatePipeByRef(out nint read, out nint write, ref attributes, 0, cloexec));
            return PipeSink(read, write);
        },
        ["DuplicateHandle"] = cloexec =>
        {
            Assert.NotEqual(0, Creators.CreatePipe(out nint read, out nint write, null, 0, cloexec: true));
            nint process = Win32.GetCurrentProcess();
            Assert.NotEqual(0, Creators.DuplicateHandle(process, write, process, out nint duplicate, 0, inherit: Stated(cloexec) != 0, Win32.DuplicateSameAccess, cloexec));
            Sink sink = PipeSink(read, duplicate);
            _ = Win32.CloseHandle(write);
            return sink;
        },
        ["WSASocketW"] = cloexec => ConnectedSocketSink(() => Creators.WsaSocket(Win32.AfInet, Win32.SockStream, Win32.IpProtoTcp, 0, 0, Win32.WsaFlagOverlapped, cloexec)),
        ["socket"] = cloexec => ConnectedSocketSink(() => Creators.Socket(Win32.AfInet, Win32.SockStream, Win32.IpProtoTcp, cloexec)),
        ["accept"] = AcceptedSocketSink,
        ["_wopen"] = cloexec =>
        {
            string path = TemporaryPath();
            int fd = Creators.Open(path, Creators.OWriteOnly | Creators.OCreate | Creators.OTruncate | Creators.OBinary, Creators.SIRead | Creators.SIWrite, cloexec);
            Assert.True(fd >= 0, "_wopen failed");
            return Sink.Written(Win32._get_osfhandle(fd), Proof.Write, () => ReadFile(path), () =>
            {
                _ = Win32._close(fd);
                File.Delete(path);
            });
        },
        ["_pipe"] = cloexec =>
        {
            Span<int> fds = stackalloc int[2];
            Assert.Equal(0, Creators.Pipe(fds, 4096, Creators.OBinary, cloexec));
            return CrtPipeSink(fds[0], fds[1]);
        },
        ["_dup"] = cloexec =>
        {
            Span<int> fds = stackalloc int[2];
            Assert.Equal(0, Creators.Pipe(fds, 4096, Creators.OBinary, cloexec: true));
            int duplicate = Creators.Dup(fds[1], cloexec);
            Assert.True(duplicate >= 0, "_dup failed");
            _ = Win32._close(fds[1]);
            return CrtPipeSink(fds[0], duplicate);
        },
        ["_dup2"] = cloexec =>
        {
            // Onto a descriptor that was not inheritable: _dup2 itself makes it inheritable, unless the wrapper says otherwise.
            Span<int> fds = stackalloc int[2];
            Span<int> onto = stackalloc int[2];
            Assert.Equal(0, Creators.Pipe(fds, 4096, Creators.OBinary, cloexec: true));
            Assert.Equal(0, Creators.Pipe(onto, 4096, Creators.OBinary, cloexec: true));
            _ = Win32._close(onto[0]);
            Assert.Equal(0, Creators.Dup2(fds[1], onto[1], cloexec));
            _ = Win32._close(fds[1]);
            return CrtPipeSink(fds[0], onto[1]);
        },
        ["CreatePipe as bool"] = cloexec =>
        {
            Assert.True(Creators.CreatePipeAsBool(out nint read, out nint write, 0, 0, cloexec));
            return PipeSink(read, write);
        },
        ["CreatePipe as bool over a raw import"] = cloexec =>
        {
            Assert.True(Creators.CreatePipeOverRaw(out nint read, out nint write, 0, 0, cloexec));
            return PipeSink(read, write);
        },
        ["DuplicateHandle as bool"] = cloexec =>
        {
            Assert.True(Creators.CreatePipeAsBool(out nint read, out nint write, 0, 0, cloexec: true));
            nint process = Win32.GetCurrentProcess();
            Assert.True(Creators.DuplicateHandleAsBool(process, write, process, out nint duplicate, 0, inherit: Stated(cloexec) != 0, Win32.DuplicateSameAccess, cloexec));
            Sink sink = PipeSink(read, duplicate);
            _ = Win32.CloseHandle(write);
            return sink;
        },
        ["msvcrt _wopen"] = cloexec =>
        {
            string path = TemporaryPath();
            int fd = Creators.MsvcrtOpen(path, Creators.OWriteOnly | Creators.OCreate | Creators.OTruncate | Creators.OBinary, Creators.SIRead | Creators.SIWrite, cloexec);
            Assert.True(fd >= 0, "msvcrt _wopen failed");
            return Sink.Written(Win32.Msvcrt.GetOsHandle(fd), Proof.Write, () => ReadFile(path), () =>
            {
                _ = Win32.Msvcrt.Close(fd);
                File.Delete(path);
            });
        },
        ["msvcrt _pipe"] = cloexec =>
        {
            Span<int> fds = stackalloc int[2];
            Assert.Equal(0, Creators.MsvcrtPipe(fds, 4096, Creators.OBinary, cloexec));
            return MsvcrtPipeSink(fds[0], fds[1]);
        },
        ["msvcrt _dup2"] = cloexec =>
        {
            Span<int> fds = stackalloc int[2];
            Span<int> onto = stackalloc int[2];
            Assert.Equal(0, Creators.MsvcrtPipe(fds, 4096, Creators.OBinary, cloexec: true));
            Assert.Equal(0, Creators.MsvcrtPipe(onto, 4096, Creators.OBinary, cloexec: true));
            _ = Win32.Msvcrt.Close(onto[0]);
            Assert.Equal(0, Creators.MsvcrtDup2(fds[1], onto[1], cloexec));
            _ = Win32.Msvcrt.Close(fds[1]);
            return MsvcrtPipeSink(fds[0], onto[1]);
        },
        ["msvcrt _dup"] = cloexec =>
        {
            Span<int> fds = stackalloc int[2];
            Assert.Equal(0, Creators.MsvcrtPipe(fds, 4096, Creators.OBinary, cloexec: true));
            int duplicate = Creators.MsvcrtDup(fds[1], cloexec);
            Assert.True(duplicate >= 0, "msvcrt _dup failed");
            _ = Win32.Msvcrt.Close(fds[1]);
            return MsvcrtPipeSink(fds[0], duplicate);
        },
    };

    private static readonly string[] s_statingCases =
    [
        "CreateFileW with SECURITY_ATTRIBUTES", "CreatePipe by ref", "DuplicateHandle", "DuplicateHandle as bool", "CreateFile2",
        "CreateWaitableTimerW", "OpenProcess", "OpenThread", "OpenEventW", "OpenMutexW", "OpenSemaphoreW", "OpenFileMappingW",
        "OpenEventA", "OpenJobObjectW", "OpenWaitableTimerW",
    ];

    [ThreadStatic]
    private static bool t_statedWhenUnset;

    static CreatorCases()
    {
        Win32.StartWinsock();
        AddKernelObjectCases(s_cases);
    }

    public static TheoryData<string> Names
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (string name in s_cases.Keys)
            {
                names.Add(name);
            }

            return names;
        }
    }

    public static Sink Create(string name, bool? cloexec) => s_cases[name](cloexec);

    /// <summary>The creators whose call states the inheritance it wants in an argument (SECURITY_ATTRIBUTES, bInheritHandle).</summary>
    public static TheoryData<string> StatingNames => new(s_statingCases);

    /// <summary>
    /// Makes a handle with <paramref name="name"/>, <c>cloexec</c> unset, the caller's own argument asking for
    /// <paramref name="inherit"/>.
    /// </summary>
    public static Sink CreateStating(string name, bool inherit)
    {
        Assert.Contains(name, s_statingCases);
        t_statedWhenUnset = inherit;
        try
        {
            return s_cases[name](null);
        }
        finally
        {
            t_statedWhenUnset = false;
        }
    }

    /// <summary>
    /// What the caller's own inheritance argument asks for: the opposite of an explicit <c>cloexec</c>, so that the
    /// override shows; with <c>cloexec</c> unset, FALSE unless <see cref="CreateStating"/> asks for TRUE.
    /// </summary>
    private static int Stated(bool? cloexec) => cloexec switch
    {
        true => 1,
        false => 0,
        null => t_statedWhenUnset ? 1 : 0,
    };

    private static string TemporaryPath() => Path.Combine(Path.GetTempPath(), "cloexec-" + Guid.NewGuid().ToString("n") + ".txt");

    private static Sink FileSink(string path, nint handle)
    {
        Assert.NotEqual(Win32.InvalidHandle, handle);
        return Sink.Written(handle, Proof.Write, () => ReadFile(path), () =>
        {
            _ = Win32.CloseHandle(handle);
            File.Delete(path);
        });
    }

    private static string ReadFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return reader.ReadToEnd();
    }

    private static Sink PipeSink(nint read, nint write) => Sink.Written(write, Proof.Write, () => ReadPipe(read), () =>
    {
        _ = Win32.CloseHandle(write);
        _ = Win32.CloseHandle(read);
    });

    private static Sink CrtPipeSink(int read, int write) => Sink.Written(Win32._get_osfhandle(write), Proof.Write, () => ReadPipe(Win32._get_osfhandle(read)), () =>
    {
        _ = Win32._close(write);
        _ = Win32._close(read);
    });

    private static Sink MsvcrtPipeSink(int read, int write) => Sink.Written(Win32.Msvcrt.GetOsHandle(write), Proof.Write, () => ReadPipe(Win32.Msvcrt.GetOsHandle(read)), () =>
    {
        _ = Win32.Msvcrt.Close(write);
        _ = Win32.Msvcrt.Close(read);
    });

    /// <summary>What is waiting in the pipe, without blocking when nothing is.</summary>
    private static string ReadPipe(nint read)
    {
        if (Win32.PeekNamedPipe(read, 0, 0, 0, out int available, 0) == 0 || available == 0)
        {
            return string.Empty;
        }

        byte[] buffer = new byte[available];
        fixed (byte* bytes = buffer)
        {
            Assert.NotEqual(0, Win32.ReadFile(read, bytes, available, out int count, 0));
            return Encoding.ASCII.GetString(buffer, 0, count);
        }
    }

    /// <summary>A SOCKET made by the creator, connected to a .NET peer that receives what the child sends.</summary>
    private static Sink ConnectedSocketSink(Func<nint> create)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        nint socket = create();
        Assert.NotEqual(Win32.InvalidHandle, socket);
        Win32.ConnectLoopback(socket, ((IPEndPoint)listener.LocalEndPoint!).Port);
        Socket peer = listener.Accept();
        listener.Dispose();
        return Sink.Written(socket, Proof.Send, () => ReadSocket(peer), () =>
        {
            _ = Win32.closesocket(socket);
            peer.Dispose();
        });
    }

    /// <summary>A SOCKET made by accept on a .NET listener; the .NET client receives what the child sends.</summary>
    private static Sink AcceptedSocketSink(bool? cloexec)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(listener.LocalEndPoint!);
        nint accepted = Creators.Accept(listener.Handle, 0, 0, cloexec);
        Assert.NotEqual(Win32.InvalidHandle, accepted);
        return Sink.Written(accepted, Proof.Send, () => ReadSocket(client), () =>
        {
            _ = Win32.closesocket(accepted);
            client.Dispose();
        });
    }

    private static string ReadSocket(Socket peer)
    {
        if (!peer.Poll(TimeSpan.FromMilliseconds(500), SelectMode.SelectRead) || peer.Available == 0)
        {
            return string.Empty;
        }

        byte[] buffer = new byte[peer.Available];
        int count = peer.Receive(buffer);
        return Encoding.ASCII.GetString(buffer, 0, count);
    }
}
