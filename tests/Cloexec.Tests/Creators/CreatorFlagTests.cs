using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Cloexec.Tests.Creators;

/// <summary>Each new creator, atomic and forced fallback, every choice: the flag read back with fcntl(F_GETFD).</summary>
public sealed class CreatorFlagTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Cases() =>
        from name in LinuxCreators.Names
        from choice in new bool?[] { null, true, false }
        from fallback in new[] { false, true }
        select new object[] { name, choice?.ToString() ?? "default", fallback };

    [Theory]
    [MemberData(nameof(Cases))]
    public void New_descriptors_carry_the_flag_the_caller_chose(string creator, string choice, bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        bool? argument = choice == "default" ? null : bool.Parse(choice);
        bool expected = argument ?? true;
        CloexecDefault.Value = true;
        try
        {
            using Created created = LinuxCreators.Prepare(creator).Call(argument);

            Assert.NotEmpty(created.Descriptors);
            Assert.All(created.Descriptors, fd => Assert.Equal(expected, Linux.HasCloexec(fd)));
        }
        catch (RefusedBySystemException refused)
        {
            // Reported, never silent: the output names the call and the errno the sandbox gave.
            output.WriteLine("NOT CHECKED: " + refused.Message);
            Console.Error.WriteLine($"{nameof(CreatorFlagTests)}: {creator}: NOT CHECKED: {refused.Message}");
        }
    }

    [Fact]
    public void Default_false_leaves_every_new_creator_inheritable()
    {
        using var state = new RuntimeState();
        CloexecDefault.Value = false;
        foreach (string creator in LinuxCreators.Names)
        {
            try
            {
                using Created created = LinuxCreators.Prepare(creator).Call(null);
                Assert.All(created.Descriptors, fd => Assert.False(Linux.HasCloexec(fd), $"{creator}: descriptor {fd}"));
            }
            catch (RefusedBySystemException refused)
            {
                output.WriteLine("NOT CHECKED: " + refused.Message);
            }
        }
    }
}
