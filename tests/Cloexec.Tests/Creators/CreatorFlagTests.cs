using System.Collections.Generic;
using Xunit;

namespace Cloexec.Tests.Creators;

/// <summary>Each new creator, atomic and forced fallback, every choice: the flag read back with fcntl(F_GETFD).</summary>
public sealed class CreatorFlagTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Cases() => CallerChoices.For(LinuxCreators.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public void New_descriptors_carry_the_flag_the_caller_chose(string creator, string choice, bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        (bool? argument, bool? expected) = CallerChoices.Of<bool?>(choice, true, false, LinuxCreators.AsDeclared(creator));
        CallerChoices.ApplyDefault(choice);
        try
        {
            using Made made = LinuxCreators.Make(creator, argument);

            Assert.NotEmpty(made.Descriptors);
            Assert.All(made.Descriptors, fd => Assert.True(expected is null || expected == Linux.HasCloexec(fd), $"descriptor {fd}: FD_CLOEXEC is not {expected}"));
        }
        catch (RefusedBySystemException refused)
        {
            // Reported, never silent: the output names the call and the errno this machine gave.
            output.WriteLine("NOT CHECKED: " + refused.Message);
            System.Console.Error.WriteLine($"{nameof(CreatorFlagTests)}: {creator}: NOT CHECKED: {refused.Message}");
        }
    }
}
