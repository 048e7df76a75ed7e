using System;
using System.Collections.Generic;
using Xunit;

namespace Cloexec.Tests.Peers;

/// <summary>
/// Rust's tests that CPython's and Go's do not cover: tests/ui/process/fds-are-cloexec.rs (a file, a TCP listener,
/// both ends of a connection, a UDP socket, and a try_clone of each: a child holds none of them), and the
/// regression test of rust-lang/rust#62314 (try_clone of an O_PATH file failed with EBADF because ioctl(FIOCLEX)
/// refuses O_PATH descriptors on Linux).
/// </summary>
public sealed class RustInheritanceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rust_process_fds_are_cloexec(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        using var file = new TempFile("fds-are-cloexec");
        int opened = owned.Add(PeerNative.Open(file.Path, Linux.ORdOnly), "open");
        (int listener, int client, int accepted) = Loopback.Connection(owned);
        int listenerClone = owned.Add(PeerNative.Dup(listener), "dup");
        int acceptedClone = owned.Add(PeerNative.Dup(accepted), "dup");
        int clientClone = owned.Add(PeerNative.Dup(client), "dup");
        int udp = owned.Add(PeerNative.Socket(PeerLinux.AfInet, PeerLinux.SockDgram, 0), "socket");
        int udpClone = owned.Add(PeerNative.Dup(udp), "dup");

        Dictionary<int, string> child = ChildDescriptors.ReadOne(ForkLock.Start);

        foreach (int fd in new[] { opened, listener, listenerClone, accepted, client, acceptedClone, clientClone, udp, udpClone })
        {
            Assert.False(child.ContainsKey(fd), $"descriptor {fd} ({Linux.Target(Environment.ProcessId, fd)}) leaked into the child");
        }

        TakenPath.Check(fallback, o => o.Add(PeerNative.Socket(PeerLinux.AfInet, PeerLinux.SockDgram, 0), "socket"));
        TakenPath.Check(fallback, o => o.Add(PeerNative.Dup(udp), "dup"));
    }

    /// <summary>try_clone is F_DUPFD_CLOEXEC on the atomic way; the forced fallback duplicates, then sets the flag, which on O_PATH must not use ioctl alone.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rust_issue_62314_try_clone_of_an_O_PATH_file(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int path = owned.Add(PeerNative.Open("/dev/null", PeerLinux.OPath), "open(O_PATH)");

        int clone = owned.Add(PeerNative.Dup(path), "dup of an O_PATH descriptor");

        Assert.True(Linux.HasCloexec(clone));
        Assert.Equal("/dev/null", Linux.Target(Environment.ProcessId, clone));
        TakenPath.Check(fallback, o => o.Add(PeerNative.Dup(path), "dup of an O_PATH descriptor"));
    }
}
