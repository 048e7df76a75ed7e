using System.Runtime.InteropServices;
using Cloexec.Fallback;
using Xunit;

namespace Cloexec.Tests;

/// <summary>Failures: the creating call's errno survives the wrapper, and a failed fallback leaks nothing.</summary>
public sealed class ErrorTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_failed_open_returns_minus_one_and_ENOENT(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        Marshal.SetLastPInvokeError(12345);

        int fd = Native.Open("/nonexistent/cloexec", Linux.ORdOnly);

        Assert.Equal(-1, fd);
        Assert.Equal(Linux.ENoEnt, Marshal.GetLastPInvokeError());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_successful_call_leaves_last_error_zero_as_LibraryImport_does(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        Marshal.SetLastPInvokeError(12345);

        using Created created = Families.Create("open", cloexec: null);

        Assert.Equal(0, Marshal.GetLastPInvokeError());
    }

    [Fact]
    public void When_setting_the_flag_fails_the_new_descriptor_is_closed_and_the_errno_reported()
    {
        using var state = new RuntimeState(forceFallback: true);
        int before = Linux.CountOpen(DevNull);
        CloexecSetter.FailWithErrnoForTests = Linux.EAcces;

        int fd = Native.Open("/dev/null", Linux.ORdOnly);

        Assert.Equal(-1, fd);
        Assert.Equal(Linux.EAcces, Marshal.GetLastPInvokeError());
        Assert.Equal(before, Linux.CountOpen(DevNull));
    }

    [Fact]
    public void When_setting_the_flag_on_a_pipe_fails_both_ends_are_closed()
    {
        using var state = new RuntimeState(forceFallback: true);
        int before = Linux.CountOpen(Pipe);
        CloexecSetter.FailWithErrnoForTests = Linux.EAcces;
        int[] fds = [-1, -1];

        int result = Native.Pipe2(fds, 0);

        Assert.Equal(-1, result);
        Assert.Equal(Linux.EAcces, Marshal.GetLastPInvokeError());
        Assert.True(fds[0] >= 0 && fds[1] >= 0, "pipe2 itself failed");
        Assert.Equal(before, Linux.CountOpen(Pipe));
    }

    [Fact]
    public void A_SafeHandle_wrapper_returns_an_invalid_handle_when_setting_the_flag_fails()
    {
        using var state = new RuntimeState(forceFallback: true);
        int before = Linux.CountOpen(DevNull);
        CloexecSetter.FailWithErrnoForTests = Linux.EAcces;

        using Microsoft.Win32.SafeHandles.SafeFileHandle handle = Native.OpenHandle("/dev/null", Linux.ORdOnly);

        Assert.True(handle.IsInvalid);
        Assert.Equal(Linux.EAcces, Marshal.GetLastPInvokeError());
        Assert.Equal(before, Linux.CountOpen(DevNull));
    }

    [Fact]
    public void The_atomic_path_never_calls_the_failing_setter()
    {
        using var state = new RuntimeState(forceFallback: false);
        CloexecSetter.FailWithErrnoForTests = Linux.EAcces;

        using Created created = Families.Create("socket", cloexec: null);

        Assert.True(Linux.HasCloexec(created.Descriptors[0]));
    }

    // Counted by what they are rather than guessed by number: another thread of the test host may take the number
    // the kernel would have given next.
    private static bool DevNull(string target) => target == "/dev/null";

    private static bool Pipe(string target) => target.StartsWith("pipe:", System.StringComparison.Ordinal);
}
