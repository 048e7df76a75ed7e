using System;
using System.IO;
using Cloexec.Fallback;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace Cloexec.Tests;

/// <summary>PEP 433's get_cloexec / set_cloexec, on real descriptors.</summary>
public sealed class FileDescriptorTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SetCloexec_and_GetCloexec_round_trip(bool ioctlRefused)
    {
        using var state = new RuntimeState();
        CloexecSetter.RefuseIoctlForTests(ioctlRefused);
        int fd = Native.Open("/dev/null", Linux.ORdOnly, 0, cloexec: false);
        try
        {
            Assert.False(FileDescriptor.GetCloexec(fd));

            FileDescriptor.SetCloexec(fd);
            Assert.True(Linux.HasCloexec(fd));
            Assert.True(FileDescriptor.GetCloexec(fd));

            FileDescriptor.SetCloexec(fd, cloexec: false);
            Assert.False(Linux.HasCloexec(fd));
            Assert.False(FileDescriptor.GetCloexec(fd));
        }
        finally
        {
            _ = Native.Close(fd);
        }
    }

    [Fact]
    public void A_bad_descriptor_gives_an_IOException_naming_EBADF()
    {
        IOException get = Assert.Throws<IOException>(() => FileDescriptor.GetCloexec(-1));
        IOException set = Assert.Throws<IOException>(() => FileDescriptor.SetCloexec(-1));

        Assert.Contains("EBADF", get.Message, StringComparison.Ordinal);
        Assert.Equal(Linux.EBadF, get.HResult);
        Assert.Contains("EBADF", set.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_SafeHandle_forms_work_and_reject_a_closed_handle()
    {
        SafeFileHandle handle = Native.OpenHandle("/dev/null", Linux.ORdOnly, 0, cloexec: false);
        Assert.False(FileDescriptor.GetCloexec(handle));
        FileDescriptor.SetCloexec(handle);
        Assert.True(FileDescriptor.GetCloexec(handle));

        handle.Dispose();

        Assert.Throws<ObjectDisposedException>(() => FileDescriptor.GetCloexec(handle));
        Assert.Throws<ObjectDisposedException>(() => FileDescriptor.SetCloexec(handle));
    }

    [Fact]
    public void A_BCL_handle_can_be_inspected_too()
    {
        using SafeFileHandle handle = File.OpenHandle("/dev/null");

        Assert.True(FileDescriptor.GetCloexec(handle));
    }
}
