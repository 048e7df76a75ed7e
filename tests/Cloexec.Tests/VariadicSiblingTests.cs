using System;
using System.IO;
using System.Runtime.InteropServices;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// creat's mode reaches open's variadic argument: the wrapper calls open at the address the runtime found, with the
/// mode where this platform's C convention wants it (a register here; the stack on Apple arm64, not run here).
/// </summary>
public sealed partial class VariadicSiblingTests
{
    [Theory]
    [InlineData(false, "640")]
    [InlineData(false, "604")]
    [InlineData(true, "640")]
    public void Creat_makes_the_file_with_the_mode_asked(bool forceFallback, string octalMode)
    {
        using var state = new RuntimeState(forceFallback);
        int mode = Convert.ToInt32(octalMode, 8);
        string path = Path.Combine(Path.GetTempPath(), "cloexec-creat-" + Guid.NewGuid().ToString("N"));
        uint umask = SetUmask(0);
        int fd = -1;
        try
        {
            fd = Native.Creat(path, mode);
            Assert.True(fd >= 0, $"creat failed: errno {Marshal.GetLastPInvokeError()}");
            Assert.True(Linux.HasCloexec(fd));
            Assert.Equal((UnixFileMode)mode, File.GetUnixFileMode(path));
        }
        finally
        {
            _ = SetUmask(umask);
            if (fd >= 0)
            {
                _ = Native.Close(fd);
            }

            File.Delete(path);
        }
    }

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint SetUmask(uint mask);
}
