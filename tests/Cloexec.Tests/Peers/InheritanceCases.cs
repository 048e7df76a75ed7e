using System;
using Cloexec.Fallback;
using Xunit;

namespace Cloexec.Tests.Peers;

/// <summary>
/// The cases CPython runs both on files (test_os) and on sockets (test_socket), for any creating wrapper: each
/// runs on the atomic way or with the fallback forced, on a descriptor <c>create</c> makes by default, and
/// shows that <c>create</c> took that way (<see cref="TakenPath"/>).
/// </summary>
internal static class InheritanceCases
{
    /// <summary>Default close-on-exec, then SetCloexec both ways, read back by GetCloexec and by fcntl.</summary>
    public static void GetAndSetRoundTrip(bool fallback, Func<Owned, int> create)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int fd = create(owned);
        Assert.True(FileDescriptor.GetCloexec(fd));

        FileDescriptor.SetCloexec(fd, cloexec: false);
        Assert.False(FileDescriptor.GetCloexec(fd));
        Assert.False(Linux.HasCloexec(fd));

        FileDescriptor.SetCloexec(fd, cloexec: true);
        Assert.True(FileDescriptor.GetCloexec(fd));
        Assert.True(Linux.HasCloexec(fd));
        TakenPath.Check(fallback, create);
    }

    /// <summary>GetCloexec reads the kernel's flag, not a copy: a flag cleared with fcntl behind its back shows.</summary>
    public static void GetSeesAFlagClearedWithFcntl(bool fallback, Func<Owned, int> create)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int fd = create(owned);
        Assert.True(FileDescriptor.GetCloexec(fd));

        PeerLinux.ClearCloexecByHand(fd);

        Assert.False(FileDescriptor.GetCloexec(fd));
        TakenPath.Check(fallback, create);
    }

    /// <summary>SetCloexec(false) clears the flag fcntl reads, by ioctl(FIONCLEX) or, where ioctl is refused, by fcntl.</summary>
    public static void SetClearsTheFlagFcntlReads(bool fallback, bool ioctlRefused, Func<Owned, int> create)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int fd = create(owned);
        Assert.True(Linux.HasCloexec(fd));
        CloexecSetter.RefuseIoctlForTests(ioctlRefused);

        FileDescriptor.SetCloexec(fd, cloexec: false);

        Assert.False(Linux.HasCloexec(fd));
        CloexecSetter.RefuseIoctlForTests(false);
        TakenPath.Check(fallback, create);
    }

    public static void CreatedCloseOnExec(bool fallback, Func<Owned, int> create)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        using var owned = new Owned();
        int fd = create(owned);

        Assert.True(FileDescriptor.GetCloexec(fd));
        Assert.True(Linux.HasCloexec(fd));
        TakenPath.Check(fallback, create);
    }
}
