using System.IO;
using Cloexec.Fallback;
using Xunit;

namespace Cloexec.Tests.Peers;

/// <summary>
/// CPython's Lib/test/test_os.py, class FDInheritanceTests, one test per case, named after it. CPython's
/// "inheritable" is our "not close-on-exec": get_inheritable(fd) == !GetCloexec(fd). Every case runs on the
/// atomic way and with the fallback forced, where the wrapper creates the descriptor and then sets the flag.
/// </summary>
public sealed class CPythonFDInheritanceTests
{
    private const string Path = "/dev/null";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_FDInheritanceTests_test_get_set_inheritable(bool fallback) =>
        InheritanceCases.GetAndSetRoundTrip(fallback, OpenFile);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_FDInheritanceTests_test_get_inheritable_cloexec(bool fallback) =>
        InheritanceCases.GetSeesAFlagClearedWithFcntl(fallback, OpenFile);

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void CPython_FDInheritanceTests_test_set_inheritable_cloexec(bool fallback, bool ioctlRefused) =>
        InheritanceCases.SetClearsTheFlagFcntlReads(fallback, ioctlRefused, OpenFile);

    /// <summary>
    /// Linux refuses every ioctl, FIOCLEX included, on an O_PATH descriptor (EBADF): the wrapper's fallback and
    /// SetCloexec must fall back to fcntl for that call (CPython bpo-42780). The atomic open passes O_CLOEXEC in
    /// the open itself; with the fallback forced the wrapper sets the flag after the open.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_FDInheritanceTests_test_get_set_inheritable_o_path(bool fallback) =>
        InheritanceCases.GetAndSetRoundTrip(fallback, owned => owned.Add(PeerNative.Open(Path, PeerLinux.OPath), "open(O_PATH)"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_FDInheritanceTests_test_get_set_inheritable_badf(bool ioctlRefused)
    {
        using var state = new RuntimeState();
        CloexecSetter.RefuseIoctlForTests(ioctlRefused);
        int closed = ClosedDescriptor();
        try
        {
            Assert.Equal(Linux.EBadF, Assert.Throws<IOException>(() => FileDescriptor.GetCloexec(closed)).HResult);
            Assert.Equal(Linux.EBadF, Assert.Throws<IOException>(() => FileDescriptor.SetCloexec(closed, cloexec: true)).HResult);
            Assert.Equal(Linux.EBadF, Assert.Throws<IOException>(() => FileDescriptor.SetCloexec(closed, cloexec: false)).HResult);
            Assert.False(Linux.IsOpen(closed), "a failed call opened the closed descriptor");
        }
        finally
        {
            Anchor.Release(closed);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_FDInheritanceTests_test_open(bool fallback) => InheritanceCases.CreatedCloseOnExec(fallback, OpenFile);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_FDInheritanceTests_test_pipe(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int[] fds = PeerLinux.Pipe(owned);

        Assert.True(Linux.HasCloexec(fds[0]));
        Assert.True(Linux.HasCloexec(fds[1]));
        TakenPath.Check(fallback, o => PeerLinux.Pipe(o)[0]);
    }

    /// <summary>CPython duplicates a non-inheritable descriptor; here the original is inheritable, so the copy's flag cannot come from it.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_FDInheritanceTests_test_dup(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int original = owned.Add(PeerNative.Open(Path, Linux.ORdOnly, cloexec: false), "open");

        int copy = owned.Add(PeerNative.Dup(original), "dup");

        Assert.True(Linux.HasCloexec(copy));
        Assert.False(Linux.HasCloexec(original));
        Assert.Equal(Linux.Target(System.Environment.ProcessId, original), Linux.Target(System.Environment.ProcessId, copy));
        TakenPath.Check(fallback, o => o.Add(PeerNative.Dup(original), "dup"));
    }

    /// <summary>CPython asserts only that dup(1) succeeds; here also that the copy is close-on-exec and stdout is untouched.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_FDInheritanceTests_test_dup_standard_stream(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        bool stdoutCloexec = Linux.HasCloexec(1);

        int copy = owned.Add(PeerNative.Dup(1), "dup(1)");

        Assert.True(copy > 0);
        Assert.True(Linux.HasCloexec(copy));
        Assert.Equal(stdoutCloexec, Linux.HasCloexec(1));
        TakenPath.Check(fallback, o => o.Add(PeerNative.Dup(1), "dup(1)"));
    }

    /// <summary>
    /// Where we differ from CPython on purpose. CPython's os.dup2 leaves the copy inheritable by default, because
    /// dup2 mostly places a descriptor on 0-2 for a child to use. Ours follows the ambient default like every other
    /// creating call: a [CreatesDescriptor] dup2 becomes dup3(old, new, O_CLOEXEC), so the copy is close-on-exec
    /// unless the caller says cloexec: false (CPython's inheritable=True). dup2(fd, fd) keeps dup2's meaning: it
    /// returns fd and changes nothing (dup3 would fail with EINVAL).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CPython_FDInheritanceTests_test_dup2(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int fd = owned.Add(PeerNative.Open(Path, Linux.ORdOnly), "open");

        int byDefault = owned.Add(PeerNative.Open(Path, Linux.ORdOnly, cloexec: false), "open");
        Assert.Equal(byDefault, PeerNative.Dup2(fd, byDefault));
        Assert.True(Linux.HasCloexec(byDefault), "our dup2 copy is close-on-exec by default (CPython's is inheritable)");

        int inheritable = owned.Add(PeerNative.Open(Path, Linux.ORdOnly), "open");
        Assert.Equal(inheritable, PeerNative.Dup2(fd, inheritable, cloexec: false));
        Assert.False(Linux.HasCloexec(inheritable), "dup2 with cloexec: false is CPython's default, inheritable");

        int onItself = owned.Add(PeerNative.Open(Path, Linux.ORdOnly, cloexec: false), "open");
        Assert.Equal(onItself, PeerNative.Dup2(onItself, onItself));
        Assert.False(Linux.HasCloexec(onItself), "dup2(fd, fd) must leave the flag as it was");
        TakenPath.Check(fallback, o => PeerLinux.Check(PeerNative.Dup2(fd, o.Add(PeerNative.Open(Path, Linux.ORdOnly, cloexec: false), "open")), "dup2"));
    }

    private static int OpenFile(Owned owned) => owned.Add(PeerNative.Open(Path, Linux.ORdOnly), "open");

    /// <summary>As CPython's os_helper.make_bad_fd: a descriptor number that was open and is now closed.</summary>
    private static int ClosedDescriptor()
    {
        int number = Anchor.ReserveFreeNumber();
        int fd = PeerLinux.Check(PeerNative.Open(Path, Linux.ORdOnly), "open");
        PeerLinux.Check(PeerNative.Dup2(fd, number), "dup2");
        _ = Native.Close(fd);
        Assert.Equal(0, Native.Close(number));
        return number;
    }
}
