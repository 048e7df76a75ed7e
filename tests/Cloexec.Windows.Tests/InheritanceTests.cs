using System.Linq;
using Xunit;

namespace Cloexec.Windows.Tests;

/// <summary>
/// Every Windows creator, called by default, with <c>cloexec: true</c> and with <c>cloexec: false</c>: the handle's
/// HANDLE_FLAG_INHERIT says so, and a child started with handle inheritance on can use only the cloexec: false one.
/// </summary>
public sealed class InheritanceTests
{
    private static readonly bool?[] s_variants = [null, true, false];

    [Theory]
    [MemberData(nameof(CreatorCases.Names), MemberType = typeof(CreatorCases))]
    public void Handle_is_inheritable_only_with_cloexec_false(string creator)
    {
        foreach (bool? cloexec in s_variants)
        {
            using Sink sink = CreatorCases.Create(creator, cloexec);
            Assert.Equal(cloexec != false, FileDescriptor.GetCloexec(sink.Handle));
        }
    }

    [Theory]
    [MemberData(nameof(CreatorCases.Names), MemberType = typeof(CreatorCases))]
    public void Child_can_use_only_the_handle_made_with_cloexec_false(string creator)
    {
        Sink[] sinks = s_variants.Select(cloexec => CreatorCases.Create(creator, cloexec)).ToArray();
        try
        {
            int proven = ChildProcess.ProveEach(sinks);
            for (int i = 0; i < sinks.Length; i++)
            {
                bool arrived = sinks[i].Arrived(i, proven);
                Assert.True(arrived == (s_variants[i] == false), $"{creator}, cloexec: {s_variants[i]?.ToString() ?? "default"}: proof arrived {arrived}, child's mask {proven}");
            }
        }
        finally
        {
            foreach (Sink sink in sinks)
            {
                sink.Dispose();
            }
        }
    }

    [Theory]
    [MemberData(nameof(CreatorCases.Names), MemberType = typeof(CreatorCases))]
    public void Child_can_use_only_the_handle_made_with_cloexec_false_on_the_fallback_path(string creator)
    {
        Fallback.AtomicWayStates.ResetForTests(forceFallback: true);
        try
        {
            Child_can_use_only_the_handle_made_with_cloexec_false(creator);
        }
        finally
        {
            Fallback.AtomicWayStates.ResetForTests();
        }
    }

    [Theory]
    [MemberData(nameof(CreatorCases.Names), MemberType = typeof(CreatorCases))]
    public void Fallback_path_gives_the_same_handles(string creator)
    {
        // As CLOEXEC_FORCE_FALLBACK=1 would: no atomic way, the flag is cleared after creation where the call has one.
        Fallback.AtomicWayStates.ResetForTests(forceFallback: true);
        try
        {
            Handle_is_inheritable_only_with_cloexec_false(creator);
        }
        finally
        {
            Fallback.AtomicWayStates.ResetForTests();
        }
    }

    [Fact]
    public void Default_off_passes_the_callers_security_attributes_through()
    {
        using (CloexecDefault.Override(false))
        {
            using Sink inherited = CreatorCases.Create("CreatePipe by ref", cloexec: null);
            // "CreatePipe by ref" asks for bInheritHandle = 1 unless cloexec is false: with the default off it is untouched.
            Assert.False(FileDescriptor.GetCloexec(inherited.Handle));
            using Sink plain = CreatorCases.Create("CreatePipe", cloexec: null);
            Assert.True(FileDescriptor.GetCloexec(plain.Handle));
        }
    }
}
