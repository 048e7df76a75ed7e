using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace Cloexec.Tests.Peers;

/// <summary>
/// Go's tests of inherited descriptors that CPython's do not cover: os/exec's TestExtraFiles (the handed-on
/// descriptor is usable in the child, and the child holds no other descriptor above the standard streams), and
/// syscall's TestPassFD (a child process sends a file it created over a Unix socket as SCM_RIGHTS; the parent
/// reads it, and with Go's net package the received descriptor is close-on-exec, as MSG_CMSG_CLOEXEC gives it).
/// </summary>
public sealed class GoInheritanceTests
{
    private const string Content = "read in the child through the inherited descriptor\n";
    private const string FromChild = "Hello from child process!\n";

    private static readonly Lazy<string> s_passFdChild = new(BuildPassFdChild);

    /// <summary>
    /// Go's child (TestHelperProcess "read3") exits 1 on any open descriptor from 4 to 100 but its file on 3. Here the
    /// child is /bin/sleep, its table read from /proc: every descriptor from 3 up must be the one handed on, or one
    /// that was already inheritable before the case (what the test host itself inherited, where Go's test skips).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Go_os_exec_TestExtraFiles(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        using var file = new TempFile(Content);
        HashSet<int> before = InheritableDescriptorsOfThisProcess();
        int extra = owned.Add(PeerNative.Open(file.Path, Linux.ORdOnly, cloexec: false), "open");
        // What Go's test uses so that a leak would show: the network (a TCP listener, both ends of a connection) and
        // with it the poller's epoll descriptor; and here a second open of the file.
        _ = Loopback.Connection(owned);
        _ = owned.Add(PeerNative.EpollCreate(1), "epoll_create");
        int other = owned.Add(PeerNative.Open(file.Path, Linux.ORdOnly), "open");

        Dictionary<int, string> child = ChildDescriptors.ReadOne(ForkLock.Start);

        Assert.True(child.ContainsKey(extra), $"descriptor {extra} made with cloexec: false is missing in the child");
        Assert.Equal(file.Path, child[extra]);
        string[] unexpected = child.Where(entry => entry.Key != extra && !before.Contains(entry.Key))
            .Select(entry => $"{entry.Key} -> {entry.Value}").ToArray();
        Assert.True(unexpected.Length == 0, $"the child holds descriptors it did not expect: {string.Join(", ", unexpected)}");

        // Go's child reads the file from descriptor 3; here cat reads it through /proc/self/fd/N, there only if N was inherited.
        (int exitCode, string output) = Cat(extra);
        Assert.Equal((0, Content), (exitCode, output));
        Assert.NotEqual(0, Cat(other).ExitCode);
        TakenPath.Check(fallback, o => o.Add(PeerNative.EpollCreate(1), "epoll_create"));
        TakenPath.Check(fallback, o => Loopback.Connection(o).Accepted);
    }

    /// <summary>
    /// Go's parent makes a socketpair, hands one end to a child process, and reads the file the child sends back.
    /// Here the child (Peers/passfd_child.c, built with gcc) sends it twice: received by default, then with
    /// cloexec: false; the first must stay out of a grandchild, the second reach it.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Go_syscall_TestPassFD(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        string path = Path.Combine(Path.GetTempPath(), "cloexec-passfd-" + Guid.NewGuid().ToString("N"));
        try
        {
            int[] pair = PeerLinux.UnixSocketPair(owned);
            FileDescriptor.SetCloexec(pair[0], cloexec: false); // the child's end, as Go's ExtraFiles hands it on

            var start = new ProcessStartInfo(s_passFdChild.Value)
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                ArgumentList = { pair[0].ToString(CultureInfo.InvariantCulture), path, FromChild, "2" },
            };
            using Process child = ForkLock.Start(start) ?? throw new InvalidOperationException("the passfd child did not start");
            owned.Close(pair[0]);
            string errors = child.StandardError.ReadToEnd();
            child.WaitForExit();
            Assert.True(child.ExitCode == 0, $"the passfd child exited {child.ExitCode}: {errors}");

            int received = owned.Add(ScmRights.Receive(pair[1], cloexec: null, PeerNative.RecvMsg), "recvmsg");
            int receivedInheritable = owned.Add(ScmRights.Receive(pair[1], cloexec: false, PeerNative.RecvMsg), "recvmsg");

            Assert.Equal(FromChild, PeerLinux.ReadStart(received, FromChild.Length));
            Assert.Equal(path, Linux.Target(Environment.ProcessId, received));
            Assert.True(Linux.HasCloexec(received));
            Assert.False(Linux.HasCloexec(receivedInheritable));
            Dictionary<int, string> grandchild = ChildDescriptors.ReadOne(ForkLock.Start);
            Assert.False(grandchild.ContainsKey(received), "a descriptor received by default leaked into a child");
            Assert.True(grandchild.ContainsKey(receivedInheritable), "a descriptor received with cloexec: false is missing in a child");
            TakenPath.Check(fallback, ReceivedFromThisProcess);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A descriptor sent within this process and received through the generated recvmsg wrapper: the way it took shows.</summary>
    private static int ReceivedFromThisProcess(Owned owned)
    {
        int[] pair = PeerLinux.UnixSocketPair(owned);
        ScmRights.Send(pair[0], pair[0]);
        return owned.Add(ScmRights.Receive(pair[1], cloexec: null, PeerNative.RecvMsg), "recvmsg");
    }

    private static HashSet<int> InheritableDescriptorsOfThisProcess() =>
        Directory.GetFiles("/proc/self/fd")
            .Select(entry => int.Parse(Path.GetFileName(entry), CultureInfo.InvariantCulture))
            .Where(fd => fd >= 3 && Native.FcntlGetFd(fd, Linux.FGetFd) is int flags && flags != -1 && (flags & Linux.FdCloexec) == 0)
            .ToHashSet();

    private static string BuildPassFdChild()
    {
        string folder = Directory.CreateTempSubdirectory("cloexec-passfd-child-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        string program = Path.Combine(folder, "passfd_child");
        CProgram.Compile(CProgram.SourceOf("passfd_child.c"), program, "the child process of Go's TestPassFD (Peers/passfd_child.c)");
        return program;
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
