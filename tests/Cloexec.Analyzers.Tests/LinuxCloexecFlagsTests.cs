extern alias CloexecRuntime;

using System;
using System.Linq;
using Cloexec.Analyzers.Knowledge;
using CloexecRuntime::Cloexec.Interop;
using Xunit;

namespace Cloexec.Analyzers.Tests;

/// <summary>
/// The analyzer recognises each family by the bit generated code passes for it. Both read the runtime's table, so what
/// can go wrong is the mapping: a family paired with another family's field, or a family left out.
/// </summary>
public sealed class LinuxCloexecFlagsTests
{
    [Fact]
    public void Every_family_with_a_bit_here_maps_to_the_bit_generated_code_passes()
    {
        Assert.True(OperatingSystem.IsLinux(), "the runtime's values compared with are this machine's: run on Linux");
        CloexecRuntime::Cloexec.CloexecFlag[] withBit = Enum.GetValues<CloexecRuntime::Cloexec.CloexecFlag>().Where(flag => CloexecFlagValues.Of(flag) != 0).ToArray();

        Assert.NotEmpty(withBit);
        Assert.All(withBit, flag =>
        {
            CloexecBit? bit = LinuxCloexecFlags.Of(flag.ToString());
            Assert.True(bit is not null, $"the analyzer does not know {flag}");
            Assert.Equal(CloexecFlagValues.Of(flag), bit.Value);
        });
    }
}
