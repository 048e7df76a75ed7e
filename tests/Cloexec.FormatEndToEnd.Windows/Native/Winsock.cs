using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace WindowsBindings.Native;

/// <summary>WSASocket's dwFlags, as socket libraries declare them.</summary>
[Flags]
internal enum SocketConstructorFlags : int
{
    WSA_FLAG_OVERLAPPED = 0x01,
    WSA_FLAG_NO_HANDLE_INHERIT = 0x80,
}

/// <summary>A socket owned by a SafeHandle, INVALID_SOCKET being all ones.</summary>
internal sealed class SafeSocket : SafeHandleMinusOneIsInvalid
{
    public SafeSocket()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => Winsock.closesocket(handle) == 0;
}

/// <summary>Winsock as the runtime's own Interop.Winsock and socket libraries declare it.</summary>
internal static partial class Winsock
{
    private const string Ws2 = "ws2_32.dll";

    // Under CharSet.Unicode, without ExactSpelling, this binds WSASocketW; the flags are an enum.
    [DllImport(Ws2, CharSet = CharSet.Unicode, SetLastError = true)]
    internal static extern IntPtr WSASocket(
        [In] AddressFamily addressFamily,
        [In] SocketType socketType,
        [In] ProtocolType protocolType,
        [In] IntPtr protocolInfo,
        [In] uint group,
        [In] SocketConstructorFlags flags);

    // The ANSI function by its exact name, a SafeHandle result.
    [DllImport("WS2_32", ExactSpelling = true, CharSet = CharSet.Ansi, SetLastError = true)]
    public static extern SafeSocket WSASocketA(int af, int type, int protocol, IntPtr lpProtocolInfo, uint g, uint dwFlags);

    [DllImport(Ws2, SetLastError = true)]
    public static extern IntPtr socket(int af, int type, int protocol);

    [LibraryImport("ws2_32", SetLastError = true)]
    internal static partial nint accept(nint s, byte[]? addr, ref int addrlen);

    // Functions that create no handle: never reported, left as they are.
    [DllImport(Ws2, SetLastError = true)]
    internal static extern unsafe int WSAStartup(ushort version, byte* data);

    [DllImport(Ws2, SetLastError = true)]
    internal static extern int connect(IntPtr s, byte[] name, int namelen);

    [DllImport(Ws2, SetLastError = true)]
    internal static extern int closesocket(IntPtr s);
}
