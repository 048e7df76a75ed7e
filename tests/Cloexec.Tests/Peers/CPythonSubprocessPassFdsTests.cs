using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Cloexec.Tests.Peers;

/// <summary>
/// CPython's Lib/test/test_subprocess.py, the pass_fds cases of POSIXProcessTestCase, with real children. .NET's
/// Process.Start has no pass_fds: what reaches a child is exactly what is not close-on-exec, so a descriptor is
/// handed on by making it with cloexec: false (or clearing its flag), and every other one must stay behind.
/// </summary>
public sealed class CPythonSubprocessPassFdsTests
{
    /// <summary>
    /// CPython opens several pipes and passes one descriptor per child: the child holds it and none of the others.
    /// Here each round makes a pipe with cloexec: false beside pipes made by default.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_POSIXProcessTestCase_test_pass_fds(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        var byDefault = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            byDefault.AddRange(PeerLinux.Pipe(owned));
        }

        for (int round = 0; round < 2; round++)
        {
            int[] handed = PeerLinux.Pipe(owned, cloexec: false);

            Dictionary<int, string> child = ChildDescriptors.ReadOne(ForkLock.Start);

            Assert.All(handed, fd =>
            {
                Assert.True(child.ContainsKey(fd), $"descriptor {fd} made with cloexec: false was not passed");
                Assert.Equal(Linux.Target(Environment.ProcessId, fd), child[fd]);
            });
            Assert.All(byDefault, fd => Assert.False(child.ContainsKey(fd), $"descriptor {fd} made by default was passed"));
            Array.ForEach(handed, owned.Close);
        }

        TakenPath.Check(fallback, o => PeerLinux.Pipe(o)[0]);
    }

    /// <summary>
    /// CPython passes an inheritable and a non-inheritable end of one pipe and checks that the parent's flags are
    /// unchanged afterwards. Without pass_fds only the inheritable end goes; the parent's flags stay as set.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_POSIXProcessTestCase_test_pass_fds_inheritable(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int[] pipe = PeerLinux.Pipe(owned);
        (int inheritable, int nonInheritable) = (pipe[0], pipe[1]);
        FileDescriptor.SetCloexec(inheritable, cloexec: false);
        FileDescriptor.SetCloexec(nonInheritable, cloexec: true);

        Dictionary<int, string> child = ChildDescriptors.ReadOne(ForkLock.Start);

        Assert.Equal([inheritable], child.Keys.Intersect(pipe));
        Assert.False(FileDescriptor.GetCloexec(inheritable));
        Assert.True(FileDescriptor.GetCloexec(nonInheritable));
        TakenPath.Check(fallback, o => PeerLinux.Pipe(o)[0]);
    }
}
