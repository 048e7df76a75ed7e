using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Linq;
using Tmds.Linux;
using Xunit;

namespace Cloexec.Audit.Tests;

/// <summary>
/// The run-time guard, on for this test process (RuntimeHostConfigurationOption in the project): real descriptors
/// from a package's raw import and from C code, real process starts. One class, so that no other test creates
/// descriptors while these look. Descriptors the test host inherited from its own parent may be listed too: the tests
/// look only at the ones they made.
/// </summary>
public sealed unsafe class GuardTests
{
    [Fact]
    public void The_guard_is_on_in_report_mode_from_the_AppContext_switch()
    {
        Assert.Equal(InheritanceGuardMode.Report, InheritanceGuard.Mode);
    }

    [Fact]
    public void A_start_reports_the_pipe_a_package_made_with_its_raw_import()
    {
        int* fds = stackalloc int[2];
        Assert.Equal(0, LibC.pipe(fds));
        try
        {
            IReadOnlyList<InheritableDescriptor> reported = ReportedByAStart();

            Assert.All(new[] { fds[0], fds[1] }, fd =>
                Assert.StartsWith("pipe:[", Assert.Single(reported, d => d.Descriptor == fd).Target, StringComparison.Ordinal));
        }
        finally
        {
            Native.CloseChecked(fds[0]);
            Native.CloseChecked(fds[1]);
        }
    }

    [Fact]
    public void A_start_reports_the_listener_C_code_made_with_its_address()
    {
        int listener = LeakingShim.LeakListener();
        Assert.True(listener > 2);
        try
        {
            InheritableDescriptor reported = Assert.Single(ReportedByAStart(), d => d.Descriptor == listener);

            Assert.Matches(@"^socket:\[\d+\] inet 127\.0\.0\.1:\d+$", reported.Target);
        }
        finally
        {
            Native.CloseChecked(listener);
        }
    }

    [Fact]
    public void Descriptors_handed_on_on_purpose_are_not_reported()
    {
        int* handedOn = stackalloc int[2];
        int* cleared = stackalloc int[2];
        Assert.Equal(0, Native.Pipe(handedOn, cloexec: false));
        Assert.Equal(0, Native.Pipe(cleared, cloexec: true));
        FileDescriptor.SetCloexec(cleared[0], false);
        try
        {
            Assert.False(FileDescriptor.GetCloexec(handedOn[0]));
            Assert.False(FileDescriptor.GetCloexec(cleared[0]));
            IReadOnlyList<InheritableDescriptor> reported = ReportedByAStart();

            Assert.DoesNotContain(reported, d => d.Descriptor == handedOn[0] || d.Descriptor == handedOn[1] || d.Descriptor == cleared[0]);
            Assert.Contains(FileDescriptor.ListInheritable(), d => d.Descriptor == handedOn[0]);
        }
        finally
        {
            Native.CloseChecked(handedOn[0]);
            Native.CloseChecked(handedOn[1]);
            Native.CloseChecked(cleared[0]);
            Native.CloseChecked(cleared[1]);
        }
    }

    [Fact]
    public void A_number_allowed_once_and_reused_for_something_else_is_reported_again()
    {
        int* first = stackalloc int[2];
        Assert.Equal(0, Native.Pipe(first, cloexec: false));
        int number = first[0];
        Native.CloseChecked(first[0]);
        Native.CloseChecked(first[1]);
        int listener = LeakingShim.LeakListener();
        try
        {
            Assert.Equal(number, listener); // the lowest free number comes back
            Assert.Contains(InheritanceGuard.FindUnexpected(), d => d.Descriptor == listener);
        }
        finally
        {
            Native.CloseChecked(listener);
        }
    }

    [Fact]
    public void Strict_mode_throws_before_the_start_naming_the_descriptors()
    {
        int* fds = stackalloc int[2];
        Assert.Equal(0, LibC.pipe(fds));
        try
        {
            UnexpectedInheritanceException refusal = Assert.Throws<UnexpectedInheritanceException>(() => InheritanceGuard.BeforeStart(InheritanceGuardMode.Strict));

            Assert.Contains(refusal.Descriptors, d => d.Descriptor == fds[0]);
            Assert.Contains($"{fds[0]} -> pipe:[", refusal.Message, StringComparison.Ordinal);
        }
        finally
        {
            Native.CloseChecked(fds[0]);
            Native.CloseChecked(fds[1]);
        }
    }

    [Fact]
    public void The_event_source_carries_each_descriptor_and_its_target()
    {
        int* fds = stackalloc int[2];
        Assert.Equal(0, LibC.pipe(fds));
        using var listener = new GuardListener();
        try
        {
            _ = ReportedByAStart();

            Assert.Contains(listener.Events, e => (int)e.Payload![0]! == fds[1] && ((string)e.Payload[1]!).StartsWith("pipe:[", StringComparison.Ordinal));
        }
        finally
        {
            Native.CloseChecked(fds[0]);
            Native.CloseChecked(fds[1]);
        }
    }

    /// <summary>Starts `true` through ForkLock and returns what the guard's .NET event reported before it started.</summary>
    private static List<InheritableDescriptor> ReportedByAStart()
    {
        var reported = new List<InheritableDescriptor>();
        void OnUnexpected(object? sender, UnexpectedInheritanceEventArgs e) => reported.AddRange(e.Descriptors);
        InheritanceGuard.UnexpectedInheritance += OnUnexpected;
        try
        {
            using Process child = ForkLock.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
            child.WaitForExit();
        }
        finally
        {
            InheritanceGuard.UnexpectedInheritance -= OnUnexpected;
        }

        return reported;
    }

    private sealed class GuardListener : EventListener
    {
        public List<EventWrittenEventArgs> Events { get; } = [];

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Cloexec-InheritanceGuard")
            {
                EnableEvents(eventSource, EventLevel.Warning);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            lock (Events)
            {
                Events.Add(eventData);
            }
        }
    }
}
