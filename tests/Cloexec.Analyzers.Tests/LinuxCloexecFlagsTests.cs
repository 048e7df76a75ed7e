using System.Linq;
using System.Reflection;
using Cloexec.Analyzers.Knowledge;
using Xunit;

namespace Cloexec.Analyzers.Tests;

/// <summary>The analyzer's Linux bits are the runtime's: the runtime's table is the one generated code reads.</summary>
public sealed class LinuxCloexecFlagsTests
{
    [Theory]
    [InlineData("Open", "OCloexec")]
    [InlineData("Socket", "SockCloexec")]
    [InlineData("EPoll", "EPollCloexec")]
    [InlineData("EventFd", "EventFdCloexec")]
    [InlineData("Inotify", "InotifyCloexec")]
    [InlineData("MemFd", "MemFdCloexec")]
    [InlineData("TimerFd", "TimerFdCloexec")]
    [InlineData("SignalFd", "SignalFdCloexec")]
    [InlineData("ReceiveMessage", "MsgCmsgCloexec")]
    public void Bit_of_each_family_matches_the_runtime(string family, string runtimeProperty)
    {
        System.Type values = typeof(CloexecDefault).Assembly.GetType("Cloexec.Platform.PlatformValues", throwOnError: true)!;
        object linux = values.GetField("Linux", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!;
        int expected = (int)values.GetProperty(runtimeProperty)!.GetValue(linux)!;

        Assert.Equal(expected, LinuxCloexecFlags.Of(family)!.Value);
        Assert.Contains(family, System.Enum.GetNames<CloexecFlag>().Skip(1));
    }
}
