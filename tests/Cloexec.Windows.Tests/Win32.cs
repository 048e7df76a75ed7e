using System;
using System.Runtime.InteropServices;

namespace Cloexec.Windows.Tests;

/// <summary>Win32 <c>SECURITY_ATTRIBUTES</c>, declared as a user would.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SECURITY_ATTRIBUTES
{
    public int nLength;
    public nint lpSecurityDescriptor;
    public int bInheritHandle;
}

/// <summary>The plain Win32 calls the tests need around the creators under test.</summary>
internal static unsafe partial class Win32
{
    // Windows SDK values, for the tests' own calls (the runtime's are in Cloexec.Platform.WindowsValues).
    internal const uint GenericWrite = 0x40000000;
    internal const uint FileShareAll = 0x1 | 0x2 | 0x4;      // FILE_SHARE_READ | WRITE | DELETE
    internal const uint CreateAlways = 2;
    internal const uint OpenExisting = 3;
    internal const uint FileAttributeNormal = 0x80;
    internal const uint DuplicateSameAccess = 0x2;
    internal const nint InvalidHandle = -1;
    internal const int AfInet = 2;
    internal const int SockStream = 1;
    internal const int IpProtoTcp = 6;
    internal const uint WsaFlagOverlapped = 0x1;
    internal const int ErrorInvalidHandle = 6;

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial int CloseHandle(nint handle);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial int WriteFile(nint handle, byte* buffer, int count, out int written, nint overlapped);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial int ReadFile(nint handle, byte* buffer, int count, out int read, nint overlapped);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial int PeekNamedPipe(nint pipe, nint buffer, int size, nint read, out int available, nint left);

    [LibraryImport("kernel32")]
    internal static partial nint GetCurrentProcess();

    [LibraryImport("ws2_32")]
    internal static partial int WSAStartup(ushort version, byte* data);

    [LibraryImport("ws2_32")]
    internal static partial int send(nint socket, byte* buffer, int length, int flags);

    [LibraryImport("ws2_32")]
    internal static partial int closesocket(nint socket);

    [LibraryImport("ws2_32")]
    private static partial int connect(nint socket, byte* address, int length);

    /// <summary>Connects a raw SOCKET to 127.0.0.1:<paramref name="port"/> (a sockaddr_in, winsock2.h / ws2def.h).</summary>
    internal static void ConnectLoopback(nint socket, int port)
    {
        byte* address = stackalloc byte[16];
        new Span<byte>(address, 16).Clear();
        address[0] = AfInet;               // sin_family, little-endian short
        address[2] = (byte)(port >> 8);    // sin_port, network order
        address[3] = (byte)port;
        address[4] = 127;                  // sin_addr 127.0.0.1
        address[7] = 1;
        if (connect(socket, address, 16) != 0)
        {
            throw new InvalidOperationException("connect failed: " + Marshal.GetLastSystemError());
        }
    }

    [LibraryImport("ucrtbase")]
    internal static partial nint _get_osfhandle(int fd);

    [LibraryImport("ucrtbase")]
    internal static partial int _close(int fd);

    /// <summary>Winsock needs WSAStartup once per process before its first call.</summary>
    internal static void StartWinsock()
    {
        byte* data = stackalloc byte[512]; // WSADATA is 408 bytes on x64
        int error = WSAStartup(0x0202, data);
        if (error != 0)
        {
            throw new InvalidOperationException("WSAStartup failed: " + error);
        }
    }
}
