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
        Interop.AtomicWayStates.ResetForTests(forceFallback: true);
        try
        {
            Child_can_use_only_the_handle_made_with_cloexec_false(creator);
        }
        finally
        {
            Interop.AtomicWayStates.ResetForTests();
        }
    }

    [Theory]
    [MemberData(nameof(CreatorCases.Names), MemberType = typeof(CreatorCases))]
    public void Fallback_path_gives_the_same_handles(string creator)
    {
        // As CLOEXEC_FORCE_FALLBACK=1 would: no atomic way, the flag is cleared after creation where the call has one.
        Interop.AtomicWayStates.ResetForTests(forceFallback: true);
        try
        {
            Handle_is_inheritable_only_with_cloexec_false(creator);
        }
        finally
        {
            Interop.AtomicWayStates.ResetForTests();
        }
    }

    [Theory]
    [MemberData(nameof(CreatorCases.StatingNames), MemberType = typeof(CreatorCases))]
    public void Unset_cloexec_keeps_the_inheritance_the_call_states_whatever_the_default(string creator)
    {
        foreach (bool ambient in new[] { true, false })
        {
            using (CloexecDefault.Override(ambient))
            {
                using Sink inherited = CreatorCases.CreateStating(creator, inherit: true);
                Assert.False(FileDescriptor.GetCloexec(inherited.Handle), $"{creator}, default {ambient}: an explicit TRUE must stay");
                using Sink kept = CreatorCases.CreateStating(creator, inherit: false);
                Assert.True(FileDescriptor.GetCloexec(kept.Handle), $"{creator}, default {ambient}: an explicit FALSE must stay");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CreatorCases.StatingNames), MemberType = typeof(CreatorCases))]
    public void Child_reaches_the_handle_whose_call_stated_TRUE_and_not_the_other(string creator)
    {
        Sink[] sinks = [CreatorCases.CreateStating(creator, inherit: true), CreatorCases.CreateStating(creator, inherit: false)];
        try
        {
            int proven = ChildProcess.ProveEach(sinks);
            Assert.True(sinks[0].Arrived(0, proven), $"{creator}: the child did not reach the handle stated inheritable (mask {proven})");
            Assert.False(sinks[1].Arrived(1, proven), $"{creator}: the child reached the handle stated not inheritable (mask {proven})");
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
    [MemberData(nameof(CreatorCases.StatingNames), MemberType = typeof(CreatorCases))]
    public void Unset_cloexec_keeps_the_stated_inheritance_on_the_fallback_path(string creator)
    {
        Interop.AtomicWayStates.ResetForTests(forceFallback: true);
        try
        {
            Unset_cloexec_keeps_the_inheritance_the_call_states_whatever_the_default(creator);
        }
        finally
        {
            Interop.AtomicWayStates.ResetForTests();
        }
    }

    [Fact]
    public void Dup2_onto_itself_leaves_the_descriptor_as_it_was()
    {
        // _dup2(fd, fd) duplicates nothing: the descriptor the caller already had keeps its inheritance.
        System.Span<int> fds = stackalloc int[2];
        Assert.Equal(0, Creators.Pipe(fds, 4096, Creators.OBinary, cloexec: false));
        try
        {
            Assert.Equal(0, Creators.Dup2(fds[1], fds[1], cloexec: true));
            Assert.False(FileDescriptor.GetCloexec(fds[1]));
        }
        finally
        {
            _ = Win32._close(fds[0]);
            _ = Win32._close(fds[1]);
        }
    }

    [Fact]
    public unsafe void Unset_cloexec_passes_the_callers_CreateFile2_parameters_through()
    {
        var attributes = new SECURITY_ATTRIBUTES { nLength = sizeof(SECURITY_ATTRIBUTES), bInheritHandle = 1 };
        var parameters = new CREATEFILE2_EXTENDED_PARAMETERS
        {
            dwSize = (uint)sizeof(CREATEFILE2_EXTENDED_PARAMETERS),
            dwFileAttributes = Win32.FileAttributeNormal,
            lpSecurityAttributes = &attributes,
        };
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cloexec-" + System.Guid.NewGuid().ToString("n"));
        using (CloexecDefault.Override(true))
        {
            nint handle = Creators.CreateFile2(path, Win32.GenericWrite, Win32.FileShareAll, Win32.CreateAlways, &parameters, cloexec: null);
            Assert.NotEqual(Win32.InvalidHandle, handle);
            Assert.False(FileDescriptor.GetCloexec(handle));
            _ = Win32.CloseHandle(handle);
        }

        System.IO.File.Delete(path);
    }

    [Fact]
    public unsafe void CreateFile2_copy_keeps_the_callers_other_parameters()
    {
        // FILE_FLAG_DELETE_ON_CLOSE (winbase.h) in the caller's dwFileFlags must reach the call through the wrapper's copy.
        const uint deleteOnClose = 0x04000000;
        var parameters = new CREATEFILE2_EXTENDED_PARAMETERS
        {
            dwSize = (uint)sizeof(CREATEFILE2_EXTENDED_PARAMETERS),
            dwFileAttributes = Win32.FileAttributeNormal,
            dwFileFlags = deleteOnClose,
        };
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cloexec-" + System.Guid.NewGuid().ToString("n"));
        nint handle = Creators.CreateFile2(path, Win32.GenericWrite | 0x00010000 /* DELETE */, Win32.FileShareAll, Win32.CreateAlways, &parameters, cloexec: true);
        Assert.NotEqual(Win32.InvalidHandle, handle);
        Assert.True(FileDescriptor.GetCloexec(handle));
        Assert.True(System.IO.File.Exists(path));
        _ = Win32.CloseHandle(handle);
        Assert.False(System.IO.File.Exists(path));
    }
}
