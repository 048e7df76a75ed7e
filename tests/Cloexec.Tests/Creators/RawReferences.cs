using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;

namespace Cloexec.Tests.Creators;

/// <summary>
/// The creators a system may refuse (a capability, a kernel build option, a file system), made raw: plain imports, no
/// wrapper, the case's own arguments and setup. A wrapper's failure counts as the system's refusal, and its test as
/// skipped, only when this unwrapped sequence fails at the same call with the same errno and leaves no descriptor.
/// </summary>
internal static unsafe partial class RawReferences
{
    private const int EPerm = 1;
    private const int ENoSys = 38;
    private const int EOpNotSupp = 95;
    private const int MaxHandleSize = 128;      // MAX_HANDLE_SZ, linux/fcntl.h
    private const uint FsConfigCmdCreate = 6;   // FSCONFIG_CMD_CREATE, linux/mount.h
    private const int OCreatExcl = 0x40 | 0x80; // O_CREAT | O_EXCL, asm-generic/fcntl.h

    /// <summary>The errnos by which a kernel or a sandbox refuses a call it cannot or will not run.</summary>
    public static readonly IReadOnlyDictionary<int, string> Refusals = new Dictionary<int, string>
    {
        [EPerm] = "EPERM", [ENoSys] = "ENOSYS", [EOpNotSupp] = "EOPNOTSUPP",
    };

    /// <summary>The first call of a raw sequence that failed and its errno, or no call when the sequence succeeded.</summary>
    private readonly record struct Outcome(string? FailedCall, int Errno);

    private static readonly Dictionary<string, Func<Outcome>> s_sequences = new()
    {
        ["fanotify_init"] = () => Closed("fanotify_init", RawFanotifyInit(0, (uint)Linux.ORdOnly)),
        ["open_tree"] = () => Closed("open_tree", RawOpenTree(Linux.AtFdCwd, "/tmp", 0)),
        ["fsopen"] = () => Closed("fsopen", RawFsOpen("tmpfs", 0)),
        ["fspick"] = () => Closed("fspick", RawFsPick(Linux.AtFdCwd, "/proc", 0)),
        ["fsmount"] = MountedTmpfs,
        ["open_by_handle_at"] = OpenByHandle,
        ["pidfd_open (always close-on-exec)"] = () => Closed("pidfd_open", RawPidfdOpen(Environment.ProcessId, 0)),
        ["pidfd_open (SafeHandle)"] = () => Closed("pidfd_open", RawPidfdOpen(Environment.ProcessId, 0)),
        ["pidfd_getfd (always close-on-exec)"] = () =>
        {
            int pidfd = RawPidfdOpen(Environment.ProcessId, 0);
            if (pidfd < 0)
            {
                return Failed("pidfd_open");
            }

            try
            {
                return Closed("pidfd_getfd", RawPidfdGetfd(pidfd, Anchor.Descriptor, 0));
            }
            finally
            {
                _ = Native.Close(pidfd);
            }
        },
        ["mq_open (always close-on-exec)"] = () =>
        {
            string name = "/cloexec-raw-" + Guid.NewGuid().ToString("N");
            int queue = RawMqOpen(name, Linux.ORdWr | OCreatExcl, Convert.ToUInt32("600", 8), null);
            if (queue < 0)
            {
                return Failed("mq_open");
            }

            _ = Native.Close(queue);
            _ = CreatorNative.MqUnlink(name);
            return new Outcome(null, 0);
        },
    };

    /// <summary>
    /// Skips the test when <paramref name="refused"/> is the system's refusal of <paramref name="creator"/>, and fails it
    /// otherwise: an errno that is no refusal, a creator no raw sequence confirms, a raw sequence that fails
    /// differently or succeeds, or a descriptor left open by the wrapper's failure or the raw sequence.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void SkipIfRefusedAlike(string creator, RefusedBySystemException refused, int[] openBeforeWrapper)
    {
        Assert.True(Refusals.ContainsKey(refused.Errno), $"{refused.Message}: errno {refused.Errno} is no refusal of the system, the case is wrong");
        AssertNoneLeft(openBeforeWrapper, $"{creator} through its wrapper");
        Assert.True(s_sequences.TryGetValue(creator, out Func<Outcome>? sequence), $"{refused.Message}, and no raw sequence of {creator} confirms it is the system's refusal");

        int[] openBeforeRaw = OpenDescriptors();
        Outcome raw = sequence();
        AssertNoneLeft(openBeforeRaw, $"{creator} made raw");
        Assert.True(raw.FailedCall is not null, $"{refused.Message}, but the same calls made raw succeeded: the wrapper is wrong");
        Assert.True(
            raw.FailedCall == refused.Call && raw.Errno == refused.Errno,
            $"{refused.Message}, but made raw {raw.FailedCall} failed with errno {raw.Errno}");

        Assert.Skip($"{creator}: this system refuses {refused.Call} with {Refusals[refused.Errno]} ({refused.Errno}), made raw too, and no descriptor was left: its flags could not be checked here");
    }

    /// <summary>This process's open descriptor numbers, from /proc.</summary>
    public static int[] OpenDescriptors() =>
        [.. Directory.GetFiles("/proc/self/fd").Select(path => int.Parse(Path.GetFileName(path), System.Globalization.CultureInfo.InvariantCulture)).Order()];

    private static void AssertNoneLeft(int[] before, string what)
    {
        int[] left = OpenDescriptors().Except(before).ToArray();
        Assert.True(left.Length == 0, $"{what} failed but left descriptor(s) {string.Join(", ", left.Select(fd => $"{fd} ({Linux.Target(Environment.ProcessId, fd)})"))}");
    }

    private static Outcome Failed(string call) => new(call, Marshal.GetLastPInvokeError());

    private static Outcome Closed(string call, int fd)
    {
        if (fd < 0)
        {
            return Failed(call);
        }

        _ = Native.Close(fd);
        return new Outcome(null, 0);
    }

    private static Outcome MountedTmpfs()
    {
        int context = RawFsOpen("tmpfs", 0);
        if (context < 0)
        {
            return Failed("fsopen");
        }

        try
        {
            return CreatorNative.FsConfig(context, FsConfigCmdCreate, null, null, 0) < 0 ? Failed("fsconfig") : Closed("fsmount", RawFsMount(context, 0, 0));
        }
        finally
        {
            _ = Native.Close(context);
        }
    }

    private static Outcome OpenByHandle()
    {
        string path = Path.Combine(Path.GetTempPath(), "cloexec-raw-handle-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, "x");
        try
        {
            byte[] handle = new byte[8 + MaxHandleSize];
            BitConverter.TryWriteBytes(handle, MaxHandleSize); // handle_bytes: the room for f_handle
            int mountId;
            fixed (byte* buffer = handle)
            {
                if (CreatorNative.NameToHandleAt(Linux.AtFdCwd, path, buffer, &mountId, 0) < 0)
                {
                    return Failed("name_to_handle_at");
                }

                int mount = RawOpen(Path.GetDirectoryName(path)!, Linux.ORdOnly);
                if (mount < 0)
                {
                    return Failed("open");
                }

                try
                {
                    return Closed("open_by_handle_at", RawOpenByHandleAt(mount, buffer, Linux.ORdOnly));
                }
                finally
                {
                    _ = Native.Close(mount);
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

#pragma warning disable CLOEXEC0200 // on purpose: the unwrapped call is the test's independent reference
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RawOpen(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fanotify_init", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RawFanotifyInit(uint flags, uint eventFlags);

    [LibraryImport("libc", EntryPoint = "open_tree", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RawOpenTree(int dirfd, string path, uint flags);

    [LibraryImport("libc", EntryPoint = "fsopen", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RawFsOpen(string fileSystem, uint flags);

    [LibraryImport("libc", EntryPoint = "fspick", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RawFsPick(int dirfd, string path, uint flags);

    [LibraryImport("libc", EntryPoint = "fsmount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RawFsMount(int fsFd, uint flags, uint attributeFlags);

    [LibraryImport("libc", EntryPoint = "open_by_handle_at", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RawOpenByHandleAt(int mountFd, void* handle, int flags);

    [LibraryImport("libc", EntryPoint = "pidfd_open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RawPidfdOpen(int pid, uint flags);

    [LibraryImport("libc", EntryPoint = "pidfd_getfd", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RawPidfdGetfd(int pidfd, int targetFd, uint flags);

    [LibraryImport("libc", EntryPoint = "mq_open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RawMqOpen(string name, int flags, uint mode, void* attributes);
#pragma warning restore CLOEXEC0200
}
