using System.Runtime.InteropServices;
using Cloexec.Fallback;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// Descriptors ioctl refuses (O_PATH answers EBADF on Linux and FreeBSD) and kernels that ignore an atomic flag:
/// the flag is still set, nothing valid is closed, and no second descriptor is created.
/// </summary>
public sealed class OPathAndIgnoredFlagTests
{
    // linux/fcntl.h (asm-generic): O_PATH 010000000.
    private const int OPath = 0x200000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SetCloexec_works_on_an_O_PATH_descriptor_and_keeps_ioctl_for_the_others(bool ioctlRefused)
    {
        using var state = new RuntimeState();
        CloexecSetter.RefuseIoctlForTests(ioctlRefused);
        int fd = Native.Open("/", OPath, 0, cloexec: false);
        Assert.NotEqual(-1, fd);
        try
        {
            Assert.False(FileDescriptor.GetCloexec(fd));

            FileDescriptor.SetCloexec(fd);
            Assert.True(Linux.HasCloexec(fd));

            FileDescriptor.SetCloexec(fd, cloexec: false);
            Assert.False(Linux.HasCloexec(fd));

            // The EBADF was this descriptor's, not the process's: ioctl stays the way for the others.
            Assert.Equal(ioctlRefused, CloexecSetter.IoctlRefusedForTests);
        }
        finally
        {
            _ = Native.Close(fd);
        }
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void A_wrapper_on_the_fallback_path_returns_a_valid_O_PATH_descriptor(bool? cloexec, bool expected)
    {
        using var state = new RuntimeState(forceFallback: true);
        Marshal.SetLastPInvokeError(12345);

        int fd = Native.Open("/", OPath, 0, cloexec);

        Assert.True(fd >= 0, $"open(\"/\", O_PATH) through the fallback returned {fd}, errno {Marshal.GetLastPInvokeError()}");
        try
        {
            Assert.Equal(0, Marshal.GetLastPInvokeError());
            Assert.Equal(expected, Linux.HasCloexec(fd));
        }
        finally
        {
            _ = Native.Close(fd);
        }
    }

    [Fact]
    public void A_closed_descriptor_still_fails_with_EBADF_after_the_ioctl_fallback()
    {
        using var state = new RuntimeState();
        int fd = Native.Open("/dev/null", Linux.ORdOnly, 0, cloexec: false);
        _ = Native.Close(fd);

        System.IO.IOException error = Assert.Throws<System.IO.IOException>(() => FileDescriptor.SetCloexec(fd));

        Assert.Equal(Linux.EBadF, error.HResult);
        Assert.False(CloexecSetter.IoctlRefusedForTests);
    }

    [Fact]
    public void A_SafeHandle_whose_atomic_flag_was_ignored_is_fixed_in_place_without_a_second_descriptor()
    {
        using var state = new RuntimeState();
        int source = Native.Open("/dev/null", Linux.ORdOnly, 0, cloexec: false);
        try
        {
            int before = Linux.CountOpen(DevNull);

            // dup ignores the flags argument it is given: to the wrapper this is a kernel ignoring O_CLOEXEC.
            using SafeFileHandle handle = Native.DupIgnoringFlags(source, 0);

            Assert.False(handle.IsInvalid);
            Assert.True(Linux.HasCloexec((int)handle.DangerousGetHandle()));
            Assert.Equal(before + 1, Linux.CountOpen(DevNull));
        }
        finally
        {
            _ = Native.Close(source);
        }
    }

    private static bool DevNull(string target) => target == "/dev/null";
}

internal static partial class Native
{
    [DllImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static extern SafeFileHandle RawDupIgnoringFlags(int fd, int flags);

    [CreatesDescriptor(Wraps = nameof(RawDupIgnoringFlags), FlagsParameter = "flags", Flag = CloexecFlag.Open)]
    internal static partial SafeFileHandle DupIgnoringFlags(int fd, int flags, bool? cloexec = null);
}
