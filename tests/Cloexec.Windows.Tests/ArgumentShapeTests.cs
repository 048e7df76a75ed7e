using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Cloexec.Windows.Tests;

/// <summary>
/// The creators whose inheritance is an argument, declared in the shapes real bindings use and wrapped (Wraps): an unset
/// <c>cloexec</c> keeps the caller's own choice, <c>cloexec: true</c> overrides TRUE, <c>cloexec: false</c> overrides
/// FALSE or null; the caller's struct or object is never written (each case checks it). Proven by the handle's flag and
/// by a child started with handle inheritance on, atomic and with the fallback forced.
/// </summary>
public sealed class ArgumentShapeTests
{
    [Theory]
    [MemberData(nameof(CreatorCases.ShapeNames), MemberType = typeof(CreatorCases))]
    public void Unset_cloexec_keeps_the_callers_choice_and_cloexec_overrides_it(string shape) => Prove(shape);

    [Theory]
    [MemberData(nameof(CreatorCases.ShapeNames), MemberType = typeof(CreatorCases))]
    public void Unset_cloexec_keeps_the_callers_choice_and_cloexec_overrides_it_on_the_fallback_path(string shape)
    {
        Interop.AtomicWayStates.ResetForTests(forceFallback: true);
        try
        {
            Prove(shape);
        }
        finally
        {
            Interop.AtomicWayStates.ResetForTests();
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_class_not_of_the_Win32_layout_is_refused_by_name(bool cloexec)
    {
        var attributes = new TruncatedSecurityAttributes { nLength = 8, bInheritHandle = 1 };
        ArgumentException refused = Assert.Throws<ArgumentException>(
            () => ArgumentShapeCreators.PipeWithTruncated(out nint _, out nint _, attributes, 0, cloexec));
        Assert.Contains(typeof(TruncatedSecurityAttributes).FullName!, refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, attributes.bInheritHandle);
    }

    private static void Prove(string shape)
    {
        // What the caller asks for, the cloexec argument, and whether the handle must reach a child.
        var calls = new List<(CallerChoice Choice, bool? Cloexec, bool Inheritable)>
        {
            (CallerChoice.Inherit, null, true),
            (CallerChoice.NotInherit, null, false),
            (CallerChoice.Inherit, true, false),
            (CallerChoice.NotInherit, false, true),
        };
        if (CreatorCases.TakesNull(shape))
        {
            calls.Add((CallerChoice.Null, null, false));
            calls.Add((CallerChoice.Null, false, true));
        }

        Sink[] sinks = calls.Select(call => CreatorCases.CreateShape(shape, call.Choice, call.Cloexec)).ToArray();
        try
        {
            for (int i = 0; i < sinks.Length; i++)
            {
                Assert.True(FileDescriptor.GetCloexec(sinks[i].Handle) != calls[i].Inheritable, $"{shape}, {Describe(calls[i])}: HANDLE_FLAG_INHERIT is wrong");
            }

            int proven = ChildProcess.ProveEach(sinks);
            for (int i = 0; i < sinks.Length; i++)
            {
                bool arrived = sinks[i].Arrived(i, proven);
                Assert.True(arrived == calls[i].Inheritable, $"{shape}, {Describe(calls[i])}: proof arrived {arrived}, child's mask {proven}");
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

    private static string Describe((CallerChoice Choice, bool? Cloexec, bool Inheritable) call) =>
        $"caller {call.Choice}, cloexec: {call.Cloexec?.ToString() ?? "unset"}";
}
