using System;
using System.Collections.Generic;
using System.Diagnostics;
using Xunit;

namespace Cloexec.Tests;

/// <summary>A real child process: it must hold exactly the descriptors made with <c>cloexec: false</c>.</summary>
public sealed class ChildInheritanceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_child_inherits_only_the_descriptors_made_with_cloexec_false(bool fallback)
    {
        using var state = new RuntimeState(forceFallback: fallback);
        var made = new List<Created>();
        try
        {
            var defaults = new List<int>();
            var inheritable = new List<int>();
            foreach (string family in Families.Names)
            {
                Created byDefault = Families.Create(family, cloexec: null);
                made.Add(byDefault);
                defaults.AddRange(byDefault.Descriptors);
                Created leaked = Families.Create(family, cloexec: false);
                made.Add(leaked);
                inheritable.AddRange(leaked.Descriptors);
            }

            Dictionary<int, string> childDescriptors = ChildDescriptors.ReadOne(Process.Start);

            Assert.All(defaults, fd => Assert.False(childDescriptors.ContainsKey(fd), $"descriptor {fd} made by default leaked into the child"));
            Assert.All(inheritable, fd =>
            {
                Assert.True(childDescriptors.ContainsKey(fd), $"descriptor {fd} made with cloexec: false is missing in the child");
                Assert.Equal(Linux.Target(Environment.ProcessId, fd), childDescriptors[fd]);
            });
        }
        finally
        {
            made.ForEach(m => m.Dispose());
        }
    }
}
