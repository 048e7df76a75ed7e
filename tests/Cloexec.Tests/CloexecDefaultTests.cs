using System.Threading.Tasks;
using Xunit;

namespace Cloexec.Tests;

/// <summary>PEP 433's getdefaultcloexec / setdefaultcloexec, plus the scoped override.</summary>
public sealed class CloexecDefaultTests
{
    [Fact]
    public void The_default_starts_true_without_settings()
    {
        // The test run sets neither CLOEXEC_DEFAULT nor the AppContext switch.
        Assert.True(CloexecSwitches.InitialDefault);
    }

    [Fact]
    public void Overrides_nest_and_restore_on_dispose()
    {
        using var state = new RuntimeState();
        CloexecDefault.Value = true;

        using (CloexecDefault.Override(false))
        {
            Assert.False(CloexecDefault.Current);
            using (CloexecDefault.Override(true))
            {
                Assert.True(CloexecDefault.Current);
            }

            Assert.False(CloexecDefault.Current);
            Assert.True(CloexecDefault.Value);
        }

        Assert.True(CloexecDefault.Current);
    }

    [Fact]
    public async Task An_override_flows_into_async_code_and_stays_out_of_other_flows()
    {
        using var state = new RuntimeState();
        CloexecDefault.Value = true;
        var gate = new TaskCompletionSource();
        Task<bool> outsider = Task.Run(async () =>
        {
            await gate.Task.ConfigureAwait(false);
            return CloexecDefault.Current;
        });

        using (CloexecDefault.Override(false))
        {
            await Task.Yield();
            bool inside = await Task.Run(() => CloexecDefault.Current).ConfigureAwait(true);
            gate.SetResult();

            Assert.False(inside);
            Assert.True(await outsider.ConfigureAwait(true));
        }
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData(" TRUE ", true)]
    [InlineData("0", false)]
    [InlineData("False", false)]
    [InlineData("yes", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Environment_values_are_read_strictly(string? text, bool? expected)
    {
        Assert.Equal(expected, CloexecSwitches.Parse(text));
    }

    [Fact]
    public void A_call_that_states_its_inheritance_keeps_it_when_cloexec_is_unset_whatever_the_default()
    {
        using var state = new RuntimeState();
        foreach (bool ambient in new[] { true, false })
        {
            using (CloexecDefault.Override(ambient))
            {
                // The same default decides for a call whose arguments say nothing.
                Assert.Equal(ambient ? Interop.CloexecMode.Set : Interop.CloexecMode.PassThrough, Interop.DescriptorRuntime.ResolveMode(null));
                Assert.Equal(Interop.CloexecMode.PassThrough, Interop.DescriptorRuntime.ResolveModeOverArgument(null));
                Assert.Equal(Interop.CloexecMode.Set, Interop.DescriptorRuntime.ResolveModeOverArgument(true));
                Assert.Equal(Interop.CloexecMode.Clear, Interop.DescriptorRuntime.ResolveModeOverArgument(false));
            }
        }
    }
}
