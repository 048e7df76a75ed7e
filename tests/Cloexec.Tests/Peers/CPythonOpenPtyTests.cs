using System.Collections.Generic;
using Xunit;

namespace Cloexec.Tests.Peers;

/// <summary>
/// CPython's FDInheritanceTests.test_openpty. openpty takes no flag: the wrapper creates both descriptors, then sets
/// close-on-exec on each (under the fork lock). There is no atomic way, so forcing the fallback changes nothing:
/// one case, which shows that the flag is set after creating.
/// </summary>
public sealed unsafe class CPythonOpenPtyTests
{
    [Fact]
    public void CPython_FDInheritanceTests_test_openpty()
    {
        using var state = new RuntimeState();
        using var owned = new Owned();
        PeerLinux.Check(PeerNative.OpenPty(out int master, out int slave, null, null, null), "openpty");
        owned.Add(master, "openpty");
        owned.Add(slave, "openpty");

        Assert.True(FileDescriptor.GetCloexec(master));
        Assert.True(FileDescriptor.GetCloexec(slave));

        // Not in CPython: with cloexec: false both ends reach a child, by default neither does.
        PeerLinux.Check(PeerNative.OpenPty(out int inheritedMaster, out int inheritedSlave, null, null, null, cloexec: false), "openpty");
        owned.Add(inheritedMaster, "openpty");
        owned.Add(inheritedSlave, "openpty");
        Dictionary<int, string> child = ChildDescriptors.ReadOne(ForkLock.Start);
        Assert.True(child.ContainsKey(inheritedMaster) && child.ContainsKey(inheritedSlave), "an openpty end made with cloexec: false is missing in the child");
        Assert.False(child.ContainsKey(master) || child.ContainsKey(slave), "an openpty end made by default leaked into the child");
        TakenPath.CheckAlwaysSetAfter(o =>
        {
            PeerLinux.Check(PeerNative.OpenPty(out int m, out int s, null, null, null), "openpty");
            o.Add(s, "openpty");
            return o.Add(m, "openpty");
        });
    }
}
