using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Xunit;
using static Cloexec.Tests.Creators.SyscallShimNative;

namespace Cloexec.Tests.Creators;

/// <summary>
/// The rows glibc 2.36 does not export, through real wrappers over the test shim: atomic and forced fallback, every
/// choice, the flag read back with fcntl(F_GETFD). Each case first makes the same call unwrapped: when the kernel or
/// the sandbox refuses it (<see cref="RawReferences.Refusals"/>), the wrapper must fail the same way and leave nothing
/// open, and the test is skipped with the reason; any other errno fails it.
/// </summary>
public sealed unsafe class SyscallCreatorTests(ITestOutputHelper output)
{
    private const int PerfAttrSize = 64;        // PERF_ATTR_SIZE_VER0, linux/perf_event.h
    private const uint PerfTypeSoftware = 1;    // PERF_TYPE_SOFTWARE
    private const ulong PerfCountSwDummy = 9;   // PERF_COUNT_SW_DUMMY
    private const ulong PerfDisabledUserOnly = 0x1 | 0x20 | 0x40; // disabled, exclude_kernel, exclude_hv (bits 0, 5, 6)
    private const int IoUringParamsSize = 120;  // sizeof(struct io_uring_params), linux/io_uring.h
    private const ulong LandlockAccessFsExecute = 1;
    private const uint LandlockCreateRulesetVersion = 1;
    private const int BpfMapCreate = 0;
    private const int BpfMapLookupElem = 1;
    private const int FSetFd = 2;               // F_SETFD, asm-generic/fcntl.h
    private const uint BpfMapTypeArray = 2;
    private const int BpfAttrSize = 128;
    private const int OpenHowSize = 24;         // struct open_how: flags, mode, resolve (u64 each)

    private const int EAcces = 13;

    private static readonly Lazy<string> s_openat2Target = new(() =>
    {
        string path = Path.Combine(Path.GetTempPath(), "cloexec-openat2-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, "x");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    });

    /// <summary>
    /// One call: what /proc shows for its descriptor, whether the kernel always sets the flag, the call itself, and an
    /// errno by which this call alone is documented to refuse a permission (0 for none beyond the common refusals).
    /// </summary>
    private sealed record Call(string Kind, bool AlwaysCloexec, Func<bool?, bool, int> Make, int PermissionErrno = 0)
    {
        public bool IsRefusal(int errno) => RawReferences.Refusals.ContainsKey(errno) || (errno != 0 && errno == PermissionErrno);

        public static string Name(int errno) => RawReferences.Refusals.TryGetValue(errno, out string? name) ? name : errno == EAcces ? "EACCES" : errno.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static readonly Dictionary<string, Call> s_calls = new()
    {
        ["perf_event_open"] = new("anon_inode:[perf_event]", false, (cloexec, raw) =>
        {
            byte* attr = stackalloc byte[PerfAttrSize];
            new Span<byte>(attr, PerfAttrSize).Clear();
            *(uint*)attr = PerfTypeSoftware;
            *(uint*)(attr + 4) = PerfAttrSize;
            *(ulong*)(attr + 8) = PerfCountSwDummy;
            *(ulong*)(attr + 40) = PerfDisabledUserOnly;
            return raw ? RawPerfEventOpen(attr, 0, -1, -1, 0) : PerfEventOpen(attr, 0, -1, -1, 0, cloexec);
        }, PermissionErrno: EAcces), // perf_event_open(2): EACCES when perf_event_paranoid forbids the event without CAP_PERFMON
        ["userfaultfd"] = new("anon_inode:[userfaultfd]", false, (cloexec, raw) => raw ? RawUserfaultfd(0) : Userfaultfd(0, cloexec)),
        ["memfd_secret"] = new("secretmem", false, (cloexec, raw) => raw ? RawMemfdSecret(0) : MemfdSecret(0, cloexec)),
        ["io_uring_setup (always close-on-exec)"] = new("anon_inode:[io_uring]", true, (cloexec, raw) =>
        {
            byte* parameters = stackalloc byte[IoUringParamsSize];
            new Span<byte>(parameters, IoUringParamsSize).Clear();
            return raw ? RawIoUringSetup(1, parameters) : IoUringSetup(1, parameters, cloexec);
        }),
        ["landlock_create_ruleset (always close-on-exec)"] = new("anon_inode:[landlock-ruleset]", true, (cloexec, raw) =>
        {
            ulong handledAccessFs = LandlockAccessFsExecute; // struct landlock_ruleset_attr of ABI 1: one u64
            return raw ? RawLandlockCreateRuleset(&handledAccessFs, sizeof(ulong), 0) : LandlockCreateRuleset(&handledAccessFs, sizeof(ulong), 0, cloexec);
        }),
        ["bpf MAP_CREATE (always close-on-exec)"] = new("anon_inode:bpf-map", true, (cloexec, raw) =>
        {
            byte* attr = stackalloc byte[BpfAttrSize];
            new Span<byte>(attr, BpfAttrSize).Clear();
            uint* map = (uint*)attr; // map_type, key_size, value_size, max_entries
            map[0] = BpfMapTypeArray;
            map[1] = 4;
            map[2] = 4;
            map[3] = 1;
            return raw ? RawBpf(BpfMapCreate, attr, BpfAttrSize) : Bpf(BpfMapCreate, attr, BpfAttrSize, cloexec);
        }),
        ["openat2 (flag in struct open_how)"] = new(s_openat2Target.Value, false, (cloexec, raw) =>
        {
            byte[] path = Encoding.UTF8.GetBytes(s_openat2Target.Value + "\0");
            ulong* how = stackalloc ulong[3];
            how[0] = (ulong)Linux.ORdOnly;
            how[1] = 0;
            how[2] = 0;
            fixed (byte* p = path)
            {
                return raw ? RawOpenAt2(Linux.AtFdCwd, p, how, OpenHowSize) : OpenAt2(Linux.AtFdCwd, p, how, OpenHowSize, cloexec);
            }
        }),
    };

    public static IEnumerable<object[]> Cases() => CallerChoices.For(s_calls.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void New_descriptors_carry_the_flag_the_caller_chose(string creator, string choice, bool fallback)
    {
        SyscallShim.EnsureLoaded();
        Call call = s_calls[creator];
        (bool? argument, bool expected) = CallerChoices.Of(choice, true, false, call.AlwaysCloexec);

        (int reference, int referenceErrno) = Invoke(call, null, raw: true);
        if (reference == -1)
        {
            Assert.True(call.IsRefusal(referenceErrno), $"{creator} unwrapped failed with errno {referenceErrno}: not a refusal of the system, the case is wrong");
            AssertRefusedAlike(creator, call, argument, choice, fallback, referenceErrno);
        }

        try
        {
            // The kernel's own behaviour, checked against the table's claim: flag set by the call itself, or not.
            Assert.Contains(call.Kind, Linux.Target(Environment.ProcessId, reference), StringComparison.Ordinal);
            Assert.Equal(call.AlwaysCloexec, Linux.HasCloexec(reference));
        }
        finally
        {
            _ = Native.Close(reference);
        }

        using var state = new RuntimeState(forceFallback: fallback);
        CallerChoices.ApplyDefault(choice);
        (int fd, int errno) = Invoke(call, argument, raw: false);
        Assert.True(fd >= 0, $"{creator} through its wrapper failed with errno {errno}, unwrapped it succeeded");
        try
        {
            Assert.Contains(call.Kind, Linux.Target(Environment.ProcessId, fd), StringComparison.Ordinal);
            Assert.Equal(expected, Linux.HasCloexec(fd));
        }
        finally
        {
            _ = Native.Close(fd);
        }
    }

    /// <summary>
    /// LANDLOCK_CREATE_RULESET_VERSION returns the ABI version, a number that is no descriptor of the call: the
    /// wrapper must hand it back untouched and leave whatever descriptor has that number as it was.
    /// </summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Landlock_version_query_passes_through(bool cloexec, bool fallback)
    {
        SyscallShim.EnsureLoaded();
        int version = RawLandlockCreateRuleset(null, 0, LandlockCreateRulesetVersion);
        if (version == -1)
        {
            int errno = Marshal.GetLastPInvokeError();
            Assert.True(RawReferences.Refusals.ContainsKey(errno), $"landlock_create_ruleset(VERSION) failed with errno {errno}: not a refusal of the system");
            using var refusedState = new RuntimeState(forceFallback: fallback);
            Assert.Equal(-1, LandlockCreateRuleset(null, 0, LandlockCreateRulesetVersion, cloexec));
            Assert.Equal(errno, Marshal.GetLastPInvokeError());
            Refused($"landlock_create_ruleset(VERSION) refused with {Call.Name(errno)} ({errno}), raw and wrapped alike");
        }

        // The number the version names, held open and close-on-exec: a wrapper that took it for its descriptor would
        // clear the flag (cloexec: false) or fail on it.
        int holder = Linux.IsOpen(version) ? -1 : Native.DupViaFcntl(Anchor.Descriptor, Linux.FDupFd, version, cloexec: true);
        try
        {
            bool before = Linux.IsOpen(version) && Linux.HasCloexec(version);
            output.WriteLine($"ABI version {version}; descriptor {version} close-on-exec before the call: {before}");
            using var state = new RuntimeState(forceFallback: fallback);
            int result = LandlockCreateRuleset(null, 0, LandlockCreateRulesetVersion, cloexec);

            Assert.Equal(version, result);
            Assert.Equal(before, Linux.IsOpen(version) && Linux.HasCloexec(version));
        }
        finally
        {
            if (holder >= 0)
            {
                _ = Native.Close(holder);
            }
        }
    }

    /// <summary>
    /// BPF_MAP_LOOKUP_ELEM returns 0, a status: the wrapper must not take it for descriptor 0. Descriptor 0 is made
    /// close-on-exec for the call (and put back after), so that clearing it by mistake shows.
    /// </summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Bpf_commands_that_make_no_descriptor_pass_through(bool cloexec, bool fallback)
    {
        SyscallShim.EnsureLoaded();
        (int map, int errno) = Invoke(s_calls["bpf MAP_CREATE (always close-on-exec)"], null, raw: true);
        if (map == -1)
        {
            Assert.True(RawReferences.Refusals.ContainsKey(errno), $"bpf(MAP_CREATE) failed with errno {errno}: not a refusal of the system");
            Refused($"bpf(MAP_LOOKUP_ELEM) not tried: bpf(MAP_CREATE) made raw is refused with {Call.Name(errno)} ({errno})");
        }

        int stdinFlags = Native.FcntlGetFd(0, Linux.FGetFd);
        try
        {
            Assert.True(stdinFlags != -1, "descriptor 0 is not open");
            Assert.Equal(0, SetFd(0, stdinFlags | Linux.FdCloexec));
            uint key = 0;
            uint value = 1;
            byte* attr = stackalloc byte[BpfAttrSize];
            new Span<byte>(attr, BpfAttrSize).Clear();
            *(uint*)attr = (uint)map;          // map_fd
            *(ulong*)(attr + 8) = (ulong)&key;   // key
            *(ulong*)(attr + 16) = (ulong)&value; // value
            int reference = RawBpf(BpfMapLookupElem, attr, BpfAttrSize);
            Assert.True(reference == 0, $"bpf(MAP_LOOKUP_ELEM) unwrapped returned {reference}, errno {Marshal.GetLastPInvokeError()}");

            using var state = new RuntimeState(forceFallback: fallback);
            int result = Bpf(BpfMapLookupElem, attr, BpfAttrSize, cloexec);

            Assert.Equal(0, result);
            Assert.True(Linux.HasCloexec(0), "the wrapper changed descriptor 0's flag");
        }
        finally
        {
            if (stdinFlags != -1)
            {
                _ = SetFd(0, stdinFlags);
            }

            _ = Native.Close(map);
        }
    }

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int SetFd(int fd, int command, int flags);

    private static int SetFd(int fd, int flags) => SetFd(fd, FSetFd, flags);

    private static (int Result, int Errno) Invoke(Call call, bool? cloexec, bool raw)
    {
        int result = call.Make(cloexec, raw);
        return (result, Marshal.GetLastPInvokeError());
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void AssertRefusedAlike(string creator, Call call, bool? argument, string choice, bool fallback, int errno)
    {
        int before = Linux.CountOpen(target => target.Contains(call.Kind, StringComparison.Ordinal));
        using (var state = new RuntimeState(forceFallback: fallback))
        {
            CallerChoices.ApplyDefault(choice);
            (int fd, int wrappedErrno) = Invoke(call, argument, raw: false);

            Assert.Equal(-1, fd);
            Assert.Equal(errno, wrappedErrno);
        }

        Assert.Equal(before, Linux.CountOpen(target => target.Contains(call.Kind, StringComparison.Ordinal)));
        Refused($"{creator} refused with {Call.Name(errno)} ({errno}), raw and wrapped alike, no descriptor left");
    }

    /// <summary>Skips the test: this system refuses the call, so its descriptors could not be checked here.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Refused(string what) => Assert.Skip(what + ": its flags could not be checked on this system");
}
