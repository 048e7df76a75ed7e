using System;
using System.Runtime.InteropServices;
using Cloexec;

namespace PortStillBound;

/// <summary>The same libc socket, declared twice: the raw way most bindings do, and through the generator.</summary>
internal static unsafe partial class Native
{
    private const string Libc = "libc";

    // Linux values (bits/socket.h, netinet/in.h, asm-generic/errno.h); the sample runs on Linux.
    internal const int AfInet = 2;
    internal const int SockStream = 1;
    internal const int EAddrInUse = 98;

    /// <summary>The classic declaration: the listener it makes is inherited by every child started while it is open.</summary>
    [DllImport(Libc, EntryPoint = "socket", SetLastError = true)]
    internal static extern int RawSocket(int domain, int type, int protocol);

    /// <summary>The cure: the generator puts SOCK_CLOEXEC into <paramref name="type"/>.</summary>
    [CreatesDescriptor(Libc, EntryPoint = "socket", SetLastError = true)]
    internal static partial int Socket(int domain, int type, int protocol, bool? cloexec = null);

    [DllImport(Libc, EntryPoint = "bind", SetLastError = true)]
    internal static extern int Bind(int fd, SockAddrIn* address, int length);

    [DllImport(Libc, EntryPoint = "listen", SetLastError = true)]
    internal static extern int Listen(int fd, int backlog);

    [DllImport(Libc, EntryPoint = "getsockname", SetLastError = true)]
    internal static extern int GetSockName(int fd, SockAddrIn* address, int* length);

    [DllImport(Libc, EntryPoint = "close", SetLastError = true)]
    internal static extern int Close(int fd);
}

/// <summary>struct sockaddr_in: family, port and address in network byte order, eight bytes of padding.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SockAddrIn
{
    public ushort Family;
    public ushort PortNetworkOrder;
    public uint AddressNetworkOrder;
    public ulong Zero;

    /// <summary>127.0.0.1, on <paramref name="port"/> (0: the kernel picks one).</summary>
    public static SockAddrIn Loopback(int port) => new()
    {
        Family = Native.AfInet,
        PortNetworkOrder = (ushort)System.Net.IPAddress.HostToNetworkOrder((short)port),
        AddressNetworkOrder = (uint)System.Net.IPAddress.HostToNetworkOrder(0x7f000001),
    };

    public readonly int Port => (ushort)System.Net.IPAddress.NetworkToHostOrder((short)PortNetworkOrder);
}
