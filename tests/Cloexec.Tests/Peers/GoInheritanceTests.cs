using System;
using System.Collections.Generic;
using System.Diagnostics;
using Xunit;

namespace Cloexec.Tests.Peers;

/// <summary>
/// Go's tests of inherited descriptors that CPython's do not cover: os/exec's TestExtraFiles (the handed-on
/// descriptor is usable in the child, and the parent's network and epoll descriptors are not there), and syscall's
/// TestPassFD (a descriptor received as SCM_RIGHTS is the sender's file, and with Go's net package it arrives
/// close-on-exec, as MSG_CMSG_CLOEXEC gives it).
/// </summary>
public sealed class GoInheritanceTests
{
    private const string Content = "read in the child through the inherited descriptor\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Go_os_exec_TestExtraFiles(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        using var file = new TempFile(Content);
        int extra = owned.Add(PeerNative.Open(file.Path, Linux.ORdOnly, cloexec: false), "open");
        // What Go's test uses so that a leak would show: the network (a TCP listener, both ends of a connection) and
        // with it the poller's epoll descriptor; and here a second open of the file.
        (int listener, int client, int accepted) = Loopback.Connection(owned);
        int poller = owned.Add(PeerNative.EpollCreate(1), "epoll_create");
        int other = owned.Add(PeerNative.Open(file.Path, Linux.ORdOnly), "open");

        Dictionary<int, string> child = ChildDescriptors.ReadOne(ForkLock.Start);

        Assert.True(child.ContainsKey(extra), $"descriptor {extra} made with cloexec: false is missing in the child");
        Assert.Equal(file.Path, child[extra]);
        foreach (int fd in new[] { listener, client, accepted, poller, other })
        {
            Assert.False(child.ContainsKey(fd), $"descriptor {fd} ({Linux.Target(Environment.ProcessId, fd)}) made by default leaked into the child");
        }

        // Go's child reads the file from descriptor 3; here cat reads it through /proc/self/fd/N, there only if N was inherited.
        (int exitCode, string output) = Cat(extra);
        Assert.Equal((0, Content), (exitCode, output));
        Assert.NotEqual(0, Cat(other).ExitCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Go_syscall_TestPassFD(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        using var file = new TempFile(Content);
        int[] pair = PeerLinux.UnixSocketPair(owned);
        int sent = owned.Add(PeerNative.Open(file.Path, Linux.ORdOnly), "open");

        ScmRights.Send(pair[0], sent);
        int received = owned.Add(ScmRights.Receive(pair[1], cloexec: null, PeerNative.RecvMsg), "recvmsg");
        ScmRights.Send(pair[0], sent);
        int receivedInheritable = owned.Add(ScmRights.Receive(pair[1], cloexec: false, PeerNative.RecvMsg), "recvmsg");

        Assert.NotEqual(sent, received);
        Assert.Equal(Content, PeerLinux.ReadStart(received, Content.Length));
        Assert.True(Linux.HasCloexec(received));
        Assert.False(Linux.HasCloexec(receivedInheritable));
        Dictionary<int, string> child = ChildDescriptors.ReadOne(ForkLock.Start);
        Assert.False(child.ContainsKey(received), "a descriptor received by default leaked into the child");
        Assert.True(child.ContainsKey(receivedInheritable), "a descriptor received with cloexec: false is missing in the child");
    }

    private static (int ExitCode, string Output) Cat(int fd)
    {
        var start = new ProcessStartInfo("/bin/cat", $"/proc/self/fd/{fd}")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process cat = ForkLock.Start(start) ?? throw new InvalidOperationException("cat did not start");
        string output = cat.StandardOutput.ReadToEnd();
        _ = cat.StandardError.ReadToEnd();
        cat.WaitForExit();
        return (cat.ExitCode, output);
    }
}
