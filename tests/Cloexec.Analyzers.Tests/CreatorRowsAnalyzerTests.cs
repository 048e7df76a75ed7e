using System.Threading.Tasks;
using Cloexec.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Cloexec.Analyzers.Tests;

/// <summary>
/// CLOEXEC0200 over the C libraries' creators, as the C libraries' manual pages list them (not read from the table):
/// every one that leaves its descriptor inheritable unless asked, under every name; none that is always close-on-exec.
/// </summary>
public sealed class CreatorRowsAnalyzerTests
{
    [Theory]
    [InlineData("open64")]
    [InlineData("openat64")]
    [InlineData("creat64")]
    [InlineData("open_by_handle_at")]
    [InlineData("recvmmsg")]
    [InlineData("fanotify_init")]
    [InlineData("perf_event_open")]
    [InlineData("userfaultfd")]
    [InlineData("memfd_secret")]
    [InlineData("mkstemps")]
    [InlineData("mkostemps")]
    [InlineData("mkstemp64")]
    [InlineData("mkostemp64")]
    [InlineData("getpt")]
    [InlineData("openpty")]
    [InlineData("open_tree")]
    [InlineData("fsopen")]
    [InlineData("fspick")]
    [InlineData("fsmount")]
    [InlineData("fopen")]
    [InlineData("fopen64")]
    [InlineData("freopen")]
    [InlineData("popen")]
    [InlineData("tmpfile")]
    [InlineData("kqueue")]
    public Task Raw_import_of_a_creator_that_can_leak_is_reported(string entryPoint) => Verify<RawDeclarationAnalyzer>.AnalyzerAsync($$"""
        using System.Runtime.InteropServices;

        internal static class Native
        {
            [DllImport("libc", EntryPoint = "{{entryPoint}}")]
            internal static extern nint {|CLOEXEC0200:Create|}(nint a, nint b, nint c);
        }
        """);

    [Theory]
    [InlineData("opendir")]
    [InlineData("shm_open")]
    [InlineData("mq_open")]
    [InlineData("pidfd_open")]
    [InlineData("pidfd_getfd")]
    [InlineData("io_uring_setup")]
    [InlineData("landlock_create_ruleset")]
    [InlineData("bpf")]
    [InlineData("catopen")]
    public Task Raw_import_of_an_always_close_on_exec_creator_is_left_alone(string entryPoint) => Verify<RawDeclarationAnalyzer>.AnalyzerAsync($$"""
        using System.Runtime.InteropServices;

        internal static class Native
        {
            [DllImport("libc", EntryPoint = "{{entryPoint}}")]
            internal static extern nint Create(nint a, nint b, nint c);
        }
        """);
}
