using System.Runtime.InteropServices;
using Xunit;

namespace Cloexec.Tests;

/// <summary>Upgrading a legacy call to its atomic sibling must not change what the legacy call means.</summary>
public sealed class LegacyMeaningTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Dup2_onto_itself_returns_the_descriptor_and_leaves_its_flag_alone(bool flagBefore)
    {
        int fd = Native.Open("/dev/null", Linux.ORdOnly, 0, cloexec: flagBefore);
        try
        {
            int result = Native.Dup2(fd, fd, cloexec: !flagBefore);

            Assert.Equal(fd, result);
            Assert.Equal(flagBefore, Linux.HasCloexec(fd));
        }
        finally
        {
            _ = Native.Close(fd);
        }
    }

    [Fact]
    public void Epoll_create_with_a_size_of_zero_still_fails_with_EINVAL()
    {
        Assert.Equal(-1, Native.EpollCreate(0));
        Assert.Equal(Linux.EInval, Marshal.GetLastPInvokeError());
    }

    [Fact]
    public void Caller_flags_pass_through_untouched_when_the_default_is_off()
    {
        using var state = new RuntimeState();
        CloexecDefault.Value = false;

        int withFlag = Native.Open("/dev/null", Linux.ORdOnly | Linux.OCloexec);
        int socket = Native.Socket(Linux.AfUnix, Linux.SockStream | Linux.SockCloexec, 0);
        try
        {
            Assert.True(Linux.HasCloexec(withFlag));
            Assert.True(Linux.HasCloexec(socket));
        }
        finally
        {
            _ = Native.Close(withFlag);
            _ = Native.Close(socket);
        }
    }

    [Fact]
    public void Cloexec_false_removes_a_flag_the_caller_passed_by_hand()
    {
        int fd = Native.Open("/dev/null", Linux.ORdOnly | Linux.OCloexec, 0, cloexec: false);
        try
        {
            Assert.False(Linux.HasCloexec(fd));
        }
        finally
        {
            _ = Native.Close(fd);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_non_nullable_cloexec_parameter_decides_alone(bool cloexec)
    {
        int fd = Native.SocketByName(Linux.AfUnix, Linux.SockStream, 0, cloexec);
        try
        {
            Assert.Equal(cloexec, Linux.HasCloexec(fd));
        }
        finally
        {
            _ = Native.Close(fd);
        }
    }
}
