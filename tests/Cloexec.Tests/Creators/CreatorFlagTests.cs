using System.Collections.Generic;
using Xunit;

namespace Cloexec.Tests.Creators;

/// <summary>
/// Each new creator, atomic and forced fallback, every choice: the flag read back with fcntl(F_GETFD). A creator this
/// system refuses is skipped with the reason, and only when the same calls made raw are refused alike.
/// </summary>
public sealed class CreatorFlagTests
{
    public static IEnumerable<object[]> Cases() => CallerChoices.For(LinuxCreators.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public void New_descriptors_carry_the_flag_the_caller_chose(string creator, string choice, bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        (bool? argument, bool? expected) = CallerChoices.Of<bool?>(choice, true, false, LinuxCreators.AsDeclared(creator));
        CallerChoices.ApplyDefault(choice);
        int[] openBefore = RawReferences.OpenDescriptors();
        try
        {
            using Made made = LinuxCreators.Make(creator, argument);

            Assert.NotEmpty(made.Descriptors);
            Assert.All(made.Descriptors, fd => Assert.True(expected is null || expected == Linux.HasCloexec(fd), $"descriptor {fd}: FD_CLOEXEC is not {expected}"));
        }
        catch (RefusedBySystemException refused)
        {
            RawReferences.SkipIfRefusedAlike(creator, refused, openBefore);
        }
    }
}
