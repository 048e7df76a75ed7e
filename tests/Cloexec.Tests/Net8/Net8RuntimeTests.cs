using System;
using System.Reflection;
using System.Runtime.Versioning;
using Xunit;

namespace Cloexec.Tests;

/// <summary>Compiled only for the net8 run (.ci/run-net8): proves that run is what it claims to be.</summary>
public sealed class Net8RuntimeTests
{
    [Fact]
    public void The_tests_run_on_the_NET_8_runtime_against_the_net8_build_of_Cloexec()
    {
        Assert.Equal(8, Environment.Version.Major);
        Assert.Equal(".NETCoreApp,Version=v8.0", typeof(FileDescriptor).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);
    }
}
