using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Cloexec.Tests;

/// <summary>Every family, every way of choosing, atomic and forced fallback: checked with fcntl(F_GETFD).</summary>
public sealed class FamilyFlagTests
{
    public enum Choice
    {
        Default,
        ExplicitTrue,
        ExplicitFalse,
        DefaultSetFalse,
        OverrideTrueOverDefaultFalse,
        OverrideFalseOverDefaultTrue,
    }

    public static IEnumerable<object[]> Cases() =>
        from name in Families.Names
        from choice in Enum.GetValues<Choice>()
        from fallback in new[] { false, true }
        select new object[] { name, choice, fallback };

    [Theory]
    [MemberData(nameof(Cases))]
    public void New_descriptors_carry_the_flag_the_caller_chose(string family, Choice choice, bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        (bool? argument, bool defaultValue, bool? scope, bool expected) = choice switch
        {
            Choice.Default => ((bool?)null, true, (bool?)null, true),
            Choice.ExplicitTrue => (true, false, null, true),
            Choice.ExplicitFalse => (false, true, null, false),
            Choice.DefaultSetFalse => (null, false, null, false),
            Choice.OverrideTrueOverDefaultFalse => (null, false, true, true),
            Choice.OverrideFalseOverDefaultTrue => (null, true, false, false),
            _ => throw new ArgumentOutOfRangeException(nameof(choice)),
        };

        CloexecDefault.Value = defaultValue;
        using IDisposable? overrideScope = scope is bool value ? CloexecDefault.Override(value) : null;
        using Created created = Families.Create(family, argument);

        Assert.NotEmpty(created.Descriptors);
        Assert.All(created.Descriptors, fd => Assert.Equal(expected, Linux.HasCloexec(fd)));
    }
}
