using System;
using System.Runtime.InteropServices;
using Cloexec.Fallback;
using Cloexec.Interop;
using Cloexec.Platform;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// The shape of the runtime's tables and the run-time choices made from them: which row this process uses, where each
/// atomic way exists, and the lookup of functions some OS versions lack. The numbers themselves are checked against
/// independent sources in Oracles/.
/// </summary>
public sealed class PlatformTableTests
{
    [Fact]
    public void Atomic_way_table_has_one_row_per_way_in_order()
    {
        AtomicWay[] ways = Enum.GetValues<AtomicWay>();
        Assert.Equal(ways.Length, AtomicWayTable.Count);
        Assert.All(ways, way => Assert.True(AtomicWayTable.IsInOrder(way), way.ToString()));
    }

    [Theory]
    // way, Linux, macOS, FreeBSD, Windows; each Unix one given its function's address, as the lookup found it.
    [InlineData(AtomicWay.OpenFlag, true, true, true, false)]
    [InlineData(AtomicWay.SocketFlag, true, false, true, false)]
    [InlineData(AtomicWay.Pipe2, true, true, true, false)]
    [InlineData(AtomicWay.Dup3, true, true, true, false)]
    [InlineData(AtomicWay.Accept4, true, false, true, false)]
    [InlineData(AtomicWay.DupFdCloexec, true, true, true, false)]
    [InlineData(AtomicWay.Mkostemp, true, true, true, false)]
    [InlineData(AtomicWay.EPollCreate1, true, false, false, false)]
    [InlineData(AtomicWay.EventFdFlag, true, false, true, false)]
    [InlineData(AtomicWay.InotifyInit1, true, false, true, false)]
    [InlineData(AtomicWay.MemFdFlag, true, false, true, false)]
    [InlineData(AtomicWay.TimerFdFlag, true, false, true, false)]
    [InlineData(AtomicWay.SignalFdFlag, true, false, false, false)]
    [InlineData(AtomicWay.ReceiveMessageFlag, true, false, true, false)]
    [InlineData(AtomicWay.NoInheritFlag, false, false, false, true)]
    [InlineData(AtomicWay.WsaNoHandleInheritFlag, false, false, false, true)]
    [InlineData(AtomicWay.SecurityAttributesInherit, false, false, false, true)]
    [InlineData(AtomicWay.InheritHandleArgument, false, false, false, true)]
    public void Atomic_way_exists_where_the_platform_has_it(AtomicWay way, bool linux, bool macOS, bool freeBsd, bool windows)
    {
        const nint Found = 0x1000;
        Assert.Equal(linux, AtomicWayTable.IsAvailable(way, PlatformValues.Linux, Found));
        Assert.Equal(linux, AtomicWayTable.IsAvailable(way, PlatformValues.LinuxPowerPc, Found));
        Assert.Equal(macOS, AtomicWayTable.IsAvailable(way, PlatformValues.MacOS, Found));
        Assert.Equal(freeBsd, AtomicWayTable.IsAvailable(way, PlatformValues.FreeBsd, Found));
        Assert.Equal(windows, AtomicWayTable.IsAvailable(way, values: null, Found));
    }

    [Theory]
    [InlineData(AtomicWay.Pipe2, "pipe2")]
    [InlineData(AtomicWay.Dup3, "dup3")]
    [InlineData(AtomicWay.InotifyInit1, "inotify_init1")]
    [InlineData(AtomicWay.TimerFdFlag, "timerfd_create")]
    public void A_way_whose_function_is_not_exported_is_never_available(AtomicWay way, string function)
    {
        Assert.Equal(function, AtomicWayTable.FunctionOf(way));
        Assert.All(PlatformValues.All, row => Assert.False(AtomicWayTable.IsAvailable(way, row, functionAddress: 0)));
    }

    [Fact]
    public void On_an_unknown_Linux_architecture_only_ways_with_a_known_flag_remain()
    {
        const nint Found = 0x1000;
        PlatformValues other = PlatformValues.LinuxOtherArchitecture;
        Assert.True(AtomicWayTable.IsAvailable(AtomicWay.DupFdCloexec, other, Found));
        Assert.True(AtomicWayTable.IsAvailable(AtomicWay.MemFdFlag, other, Found));
        Assert.True(AtomicWayTable.IsAvailable(AtomicWay.ReceiveMessageFlag, other, Found));
        Assert.False(AtomicWayTable.IsAvailable(AtomicWay.OpenFlag, other, Found));
        Assert.False(AtomicWayTable.IsAvailable(AtomicWay.SocketFlag, other, Found));
        Assert.False(AtomicWayTable.IsAvailable(AtomicWay.Pipe2, other, Found));
        Assert.Equal(0u, other.FioClex);
    }

    [Fact]
    public void This_process_uses_the_row_of_its_kernel_and_architecture()
    {
        Assert.Equal(8, (int)Architecture.Ppc64le);
        Assert.Equal(Cpu.RiscV64, PlatformValues.CpuOf((Architecture)9)); // .NET 9's Architecture.RiscV64, which the net8.0 build names by number
        Assert.Equal(Cpu.RiscV64, PlatformValues.CpuOf(Architecture.RiscV64));
        Assert.Equal(Cpu.Arm, PlatformValues.CpuOf(Architecture.Armv6));
        Assert.Equal(Cpu.Other, PlatformValues.CpuOf(Architecture.Wasm));
        Assert.Same(PlatformValues.For(UnixKernel.Linux, PlatformValues.CpuOf(RuntimeInformation.ProcessArchitecture)), PlatformValues.Current);
        Assert.Equal(UnixKernel.Linux, PlatformValues.Current!.Kernel);
    }

    [Fact]
    public void The_C_library_lookup_finds_an_exported_function_and_not_a_missing_one()
    {
        Assert.NotEqual(0, CLibrary.Find("pipe2"));
        Assert.NotEqual(0, CLibrary.Find("fcntl"));
        Assert.Equal(0, CLibrary.Find("cloexec_no_such_function"));
    }

    [Fact]
    public void Each_way_calls_the_function_the_lookup_found()
    {
        using var state = new RuntimeState();
        foreach (AtomicWay way in Enum.GetValues<AtomicWay>())
        {
            nint expected = AtomicWayTable.FunctionOf(way) is { } function ? CLibrary.Find(function) : 0;
            Assert.Equal(expected, AtomicFunctions.Of(way));
            if (AtomicWayTable.FunctionOf(way) is not null && AtomicWayStates.IsUsable(way))
            {
                Assert.NotEqual(0, AtomicFunctions.Of(way));
            }
        }

        Assert.False(AtomicFunctions.VariadicArgumentsOnStack);
    }

    [Fact]
    public void Where_the_C_library_lacks_pipe2_a_pipe_takes_the_fallback_and_is_still_close_on_exec()
    {
        using var state = new RuntimeState();
        AtomicWayStates.ResetForTests(forceFallback: false, missingFunction: "pipe2");
        Assert.False(AtomicWayStates.IsUsable(AtomicWay.Pipe2));
        Assert.True(AtomicWayStates.IsUsable(AtomicWay.Dup3));

        Span<int> fds = stackalloc int[2];
        Assert.Equal(0, Native.Pipe(fds));
        try
        {
            Assert.True(Linux.HasCloexec(fds[0]));
            Assert.True(Linux.HasCloexec(fds[1]));
            Assert.Equal(AtomicWayStates.State.Refused, AtomicWayStates.Get(AtomicWay.Pipe2));
        }
        finally
        {
            _ = Native.Close(fds[0]);
            _ = Native.Close(fds[1]);
        }
    }

    [Fact]
    public void Windows_flag_values_are_zero_off_Windows()
    {
        Assert.Equal(0, CloexecFlagValues.NoInherit);
        Assert.Equal(0, CloexecFlagValues.WsaNoHandleInherit);
        Assert.Equal(0, CloexecFlagValues.Of(CloexecFlag.SecurityAttributes));
    }
}
