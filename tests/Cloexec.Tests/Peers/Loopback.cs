using System;

namespace Cloexec.Tests.Peers;

/// <summary>A TCP listener on 127.0.0.1 with one connection accepted, every socket made by the generated wrappers.</summary>
internal static unsafe class Loopback
{
    private const int SockaddrInSize = 16;

    /// <summary>Listener, connected client and accepted server end, all owned by <paramref name="owned"/>.</summary>
    public static (int Listener, int Client, int Accepted) Connection(Owned owned)
    {
        int listener = owned.Add(PeerNative.Socket(PeerLinux.AfInet, Linux.SockStream, 0), "socket");
        byte* address = stackalloc byte[SockaddrInSize];
        new Span<byte>(address, SockaddrInSize).Clear();
        address[0] = PeerLinux.AfInet; // sin_family, little-endian; sin_port 0: any free port
        address[4] = 127;
        address[7] = 1;
        PeerLinux.Check(Native.Bind(listener, address, SockaddrInSize), "bind");
        PeerLinux.Check(Native.Listen(listener, 1), "listen");
        int length = SockaddrInSize;
        PeerLinux.Check(Native.GetSockName(listener, address, &length), "getsockname");

        int client = owned.Add(PeerNative.Socket(PeerLinux.AfInet, Linux.SockStream, 0), "socket");
        PeerLinux.Check(Native.Connect(client, address, SockaddrInSize), "connect");
        int accepted = owned.Add(PeerNative.Accept(listener, 0, 0), "accept");
        return (listener, client, accepted);
    }
}
