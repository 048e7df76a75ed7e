using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// <see cref="FileDescriptor.ListInheritable"/> and <see cref="FileDescriptor.SetCloexecOnAll"/> on real descriptors,
/// checked against /proc and against what a real child holds.
/// </summary>
public sealed class InventoryTests
{
    private const int OPath = 0x200000; // asm-generic/fcntl.h: O_PATH 010000000

    [Fact]
    public void ListInheritable_names_what_each_inheritable_descriptor_is_and_leaves_out_close_on_exec_ones()
    {
        using var state = new RuntimeState();
        using Created pipe = Families.Create("pipe", cloexec: false);
        using Created socket = Families.Create("socket", cloexec: false);
        using Created eventFd = Families.Create("eventfd", cloexec: false);
        using Created file = Families.Create("open", cloexec: false);
        using Created closed = Families.Create("pipe", cloexec: true);

        Dictionary<int, string?> listed = FileDescriptor.ListInheritable().ToDictionary(d => d.Descriptor, d => d.Target);

        foreach (int fd in pipe.Descriptors.Concat(socket.Descriptors).Concat(eventFd.Descriptors).Concat(file.Descriptors))
        {
            Assert.True(listed.ContainsKey(fd), $"descriptor {fd} is inheritable but not listed");
            Assert.Equal(Linux.Target(Environment.ProcessId, fd), listed[fd]);
        }

        Assert.StartsWith("pipe:[", listed[pipe.Descriptors[0]], StringComparison.Ordinal);
        Assert.StartsWith("socket:[", listed[socket.Descriptors[0]], StringComparison.Ordinal);
        Assert.Equal("anon_inode:[eventfd]", listed[eventFd.Descriptors[0]]);
        Assert.Equal("/dev/null", listed[file.Descriptors[0]]);
        Assert.All(closed.Descriptors, fd => Assert.False(listed.ContainsKey(fd), $"close-on-exec descriptor {fd} listed"));
        Assert.All(listed.Keys, fd => Assert.False(Linux.HasCloexec(fd)));
    }

    [Fact]
    public void ListInheritable_agrees_with_what_a_child_receives()
    {
        using var state = new RuntimeState();
        using Created pipe = Families.Create("pipe", cloexec: false);

        HashSet<int> listed = [.. FileDescriptor.ListInheritable().Select(d => d.Descriptor).Where(fd => fd > 2)];
        Dictionary<int, string> child = ChildDescriptors.ReadOne(System.Diagnostics.Process.Start);

        Assert.Subset(listed, pipe.Descriptors.ToHashSet());
        Assert.Equal(listed.Order(), child.Keys.Order());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SetCloexecOnAll_marks_everything_from_lowest_up_but_what_it_keeps_and_closes_nothing(bool refuseCloseRange)
    {
        using var state = new RuntimeState();
        using var restore = new InheritanceRestorer();
        using Created below = Families.Create("pipe", cloexec: false);
        using Created first = Families.Create("pipe", cloexec: false);
        using Created second = Families.Create("socketpair", cloexec: false);
        using Created third = Families.Create("eventfd", cloexec: false);
        int lowest = first.Descriptors.Concat(second.Descriptors).Concat(third.Descriptors).Min();
        int[] mine = [.. first.Descriptors, .. second.Descriptors, .. third.Descriptors];
        int[] kept = [second.Descriptors[0], third.Descriptors[0]];
        Assert.All(below.Descriptors, fd => Assert.True(fd < lowest));

        bool byCloseRange;
        FileDescriptor.RefuseCloseRangeForTests = refuseCloseRange;
        try
        {
            byCloseRange = FileDescriptor.SetCloexecOnAllWays(lowest, kept);
        }
        finally
        {
            FileDescriptor.RefuseCloseRangeForTests = false;
        }

        // This machine's kernel (>= 5.11) and glibc (>= 2.34) have close_range with CLOSE_RANGE_CLOEXEC.
        Assert.Equal(!refuseCloseRange, byCloseRange);
        Assert.All(mine.Concat(below.Descriptors), fd => Assert.True(Linux.IsOpen(fd), $"descriptor {fd} was closed"));
        Assert.All(mine.Except(kept), fd => Assert.True(Linux.HasCloexec(fd), $"descriptor {fd} still inheritable"));
        Assert.All(kept.Concat(below.Descriptors), fd => Assert.False(Linux.HasCloexec(fd), $"descriptor {fd} should have stayed inheritable"));

        Dictionary<int, string> child = ChildDescriptors.ReadOne(System.Diagnostics.Process.Start);
        Assert.Equal(kept.Concat(below.Descriptors).Order(), child.Keys.Where(fd => below.Descriptors.Contains(fd) || fd >= lowest).Order());
    }

    [Fact]
    public void SetCloexecOnAll_walk_reaches_an_O_PATH_descriptor()
    {
        using var state = new RuntimeState();
        using var restore = new InheritanceRestorer();
        int fd = Native.Open("/", OPath, 0, cloexec: false);
        Assert.NotEqual(-1, fd);
        try
        {
            FileDescriptor.RefuseCloseRangeForTests = true;
            Assert.False(FileDescriptor.SetCloexecOnAllWays(fd, []));
            Assert.True(Linux.HasCloexec(fd));
        }
        finally
        {
            FileDescriptor.RefuseCloseRangeForTests = false;
            _ = Native.Close(fd);
        }
    }

    [Fact]
    public void SetCloexecOnAll_refuses_a_negative_lowest()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FileDescriptor.SetCloexecOnAll(-1));
        Assert.Throws<ArgumentNullException>(() => FileDescriptor.SetCloexecOnAll(3, null!));
    }

    /// <summary>Makes inheritable again what was inheritable before a sweep, so later tests and their children see the host as it was.</summary>
    private sealed class InheritanceRestorer : IDisposable
    {
        private readonly int[] _inheritable = [.. FileDescriptor.ListInheritable().Select(d => d.Descriptor)];

        public void Dispose()
        {
            foreach (int fd in _inheritable.Where(Linux.IsOpen))
            {
                FileDescriptor.SetCloexec(fd, cloexec: false);
            }
        }
    }
}
