using Cloexec.Generators.Knowledge;
using Cloexec.Interop;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>The library a declaration names picks the platform, and with it the row of the entry point table.</summary>
public sealed class PlatformKnowledgeTests
{
    [Theory]
    [InlineData("kernel32", "Windows")]
    [InlineData("KERNEL32.DLL", "Windows")]
    [InlineData("ws2_32.dll", "Windows")]
    [InlineData("ucrtbase", "Windows")]
    [InlineData("msvcrt", "Windows")]
    [InlineData("api-ms-win-crt-stdio-l1-1-0", "Windows")]
    [InlineData("libc", "Unix")]
    [InlineData("libSystem.dylib", "Unix")]
    [InlineData(null, "Unix")]
    public void Library_name_selects_the_platform(string? library, string expected) =>
        Assert.Equal(expected, NativeLibraries.PlatformOf(library).ToString());

    [Fact]
    public void Same_name_means_different_things_per_platform()
    {
        EntryPointInfo unix = EntryPointTable.Find("socket", NativePlatform.Unix)!;
        EntryPointInfo windows = EntryPointTable.Find("socket", NativePlatform.Windows)!;

        Assert.Equal((CloexecFlag.Socket, AtomicWay.SocketFlag, 1), (unix.Flag, unix.Way, unix.FlagArgument));
        Assert.Equal((CloexecFlag.None, AtomicWay.None, -1), (windows.Flag, windows.Way, windows.FlagArgument));
        Assert.Null(EntryPointTable.Find("CreatePipe", NativePlatform.Unix));
        Assert.Null(EntryPointTable.Find("pipe2", NativePlatform.Windows));
    }

    [Fact]
    public void Every_flag_family_has_an_atomic_way()
    {
        foreach (EntryPointInfo entry in EntryPointTable.All)
        {
            Assert.NotNull(FlagFamilies.WayOf(entry.Flag));
        }
    }
}
