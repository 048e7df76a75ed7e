using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Cloexec.Tests.Creators;

/// <summary>
/// A call of a case failed with an errno by which a system refuses what it cannot run: the test is skipped only when
/// <see cref="RawReferences"/> confirms it, never passed.
/// </summary>
internal sealed class RefusedBySystemException(string call, int errno)
    : Exception($"{call} failed here with errno {errno}")
{
    public string Call { get; } = call;

    public int Errno { get; } = errno;
}

/// <summary>What one wrapper call made: its new descriptors, and how to release them (close, fclose, pclose...).</summary>
internal sealed class Made(int[] descriptors, Action release) : IDisposable
{
    public int[] Descriptors { get; } = descriptors;

    public void Dispose() => release();
}

/// <summary>One way to make each new creator create descriptors through its generated wrapper.</summary>
internal static unsafe class LinuxCreators
{
    private const int SockDgram = 2;
    private const int MsgDontWait = 0x40;
    private const int OCreat = 0x40;
    private const int OExcl = 0x80;
    private const int MaxHandleSize = 128;      // MAX_HANDLE_SZ, linux/fcntl.h
    private const uint FsConfigCmdCreate = 6;   // FSCONFIG_CMD_CREATE, linux/mount.h

    // Most calls made as declared (CloexecDefault false, no argument) leave the descriptor inheritable; these do not.
    private static readonly Dictionary<string, bool?> s_asDeclared = new()
    {
        ["fopen (mode string already with e)"] = true,
        ["opendir (always close-on-exec)"] = true,
        ["shm_open (always close-on-exec)"] = true,
        ["mq_open (always close-on-exec)"] = true,
        ["pidfd_open (always close-on-exec)"] = true,
        ["pidfd_open (SafeHandle)"] = true,
        ["pidfd_getfd (always close-on-exec)"] = true,
        // Depends on how the setup's fopen set its flag: with 'e' (atomic) glibc keeps it, after creation it does not.
        ["freopen (stream first opened with e)"] = null,
    };

    private static readonly Dictionary<string, Func<bool?, Made>> s_all = new()
    {
        ["open64"] = cloexec => Closing(Check(CreatorNative.Open64("/dev/null", Linux.ORdOnly, 0, cloexec), "open64")),
        ["openat64"] = cloexec => Closing(Check(CreatorNative.OpenAt64(Linux.AtFdCwd, "/dev/null", Linux.ORdOnly, 0, cloexec), "openat64")),
        ["creat64"] = cloexec => WithPath("creat64", path => Check(CreatorNative.Creat64(path, Convert.ToInt32("600", 8), cloexec), "creat64")),
        ["open_by_handle_at"] = OpenByHandle,
        ["recvmmsg (SCM_RIGHTS in two messages)"] = ReceivedInTwoMessages,
        ["mkostemps"] = cloexec => TempFile("XXXXXX.tmp", (t, _) => CreatorNative.Mkostemps((byte*)t, 4, 0, cloexec)),
        ["mkostemp64"] = cloexec => TempFile("XXXXXX", (t, _) => CreatorNative.Mkostemp64((byte*)t, 0, cloexec)),
        ["mkostemps64"] = cloexec => TempFile("XXXXXX.tmp", (t, _) => CreatorNative.Mkostemps64((byte*)t, 4, 0, cloexec)),
        ["mkstemp64"] = cloexec => TempFile("XXXXXX", (t, _) => CreatorNative.Mkstemp64((byte*)t, cloexec)),
        ["mkstemps"] = cloexec => TempFile("XXXXXX.tmp", (t, _) => CreatorNative.Mkstemps((byte*)t, 4, cloexec)),
        ["mkstemps64"] = cloexec => TempFile("XXXXXX.tmp", (t, _) => CreatorNative.Mkstemps64((byte*)t, 4, cloexec)),
        ["getpt"] = cloexec => Closing(Check(CreatorNative.Getpt(cloexec), "getpt")),
        ["openpty (two out arguments)"] = cloexec =>
        {
            Check(CreatorNative.OpenPty(out int master, out int slave, null, null, null, cloexec), "openpty");
            return Closing(master, slave);
        },
        ["__pipe (not in the table, Descriptors = Pair)"] = cloexec =>
        {
            int* fds = stackalloc int[2];
            Check(CreatorNative.UnknownPipe(fds, cloexec), "__pipe");
            return Closing(fds[0], fds[1]);
        },
        ["fanotify_init"] = cloexec => Closing(Check(CreatorNative.FanotifyInit(0, (uint)Linux.ORdOnly, cloexec), "fanotify_init")),
        ["open_tree"] = cloexec => Closing(Check(CreatorNative.OpenTree(Linux.AtFdCwd, "/tmp", 0, cloexec), "open_tree")),
        ["fsopen"] = cloexec => Closing(Check(CreatorNative.FsOpen("tmpfs", 0, cloexec), "fsopen")),
        ["fspick"] = cloexec => Closing(Check(CreatorNative.FsPick(Linux.AtFdCwd, "/proc", 0, cloexec), "fspick")),
        ["fsmount"] = MountedTmpfs,
        ["fopen (mode string)"] = cloexec => Stream(CreatorNative.FOpen("/dev/null", "r", cloexec), "fopen"),
        ["fopen (mode string with ccs=)"] = cloexec => Stream(CreatorNative.FOpen("/dev/null", "r,ccs=UTF-8", cloexec), "fopen"),
        ["fopen (mode string already with e)"] = cloexec => Stream(CreatorNative.FOpen("/dev/null", "re", cloexec), "fopen"),
        ["fopen64 (byte* mode)"] = cloexec =>
        {
            fixed (byte* path = "/dev/null\0"u8)
            fixed (byte* mode = "r\0"u8)
            {
                return Stream(CreatorNative.FOpen64(path, mode, cloexec), "fopen64");
            }
        },
        ["fopen (Wraps)"] = cloexec => Stream(CreatorNative.WrappedFOpen("/dev/null", "r", cloexec), "fopen"),
        ["freopen"] = cloexec => Stream(CreatorNative.FReopen("/dev/null", "r", OpenStream(cloexec: false), cloexec), "freopen"),
        ["freopen64"] = cloexec => Stream(CreatorNative.FReopen64("/dev/null", "r", OpenStream(cloexec: false), cloexec), "freopen64"),
        ["freopen (stream first opened with e)"] = cloexec => Stream(CreatorNative.FReopen("/dev/null", "r", OpenStream(cloexec: true), cloexec), "freopen"),
        ["popen"] = cloexec => Stream(CreatorNative.POpen("exit 0", "r", cloexec), "popen", processStream: true),
        ["tmpfile"] = cloexec => Stream(CreatorNative.TmpFile(cloexec), "tmpfile"),
        ["tmpfile64"] = cloexec => Stream(CreatorNative.TmpFile64(cloexec), "tmpfile64"),
        ["opendir (always close-on-exec)"] = cloexec =>
        {
            nint directory = CreatorNative.OpenDir("/tmp", cloexec);
            if (directory == 0)
            {
                throw new InvalidOperationException($"opendir failed: errno {Marshal.GetLastPInvokeError()}");
            }

            return new Made([CreatorNative.DirectoryNumber(directory)], () => CreatorNative.CloseDir(directory));
        },
        ["shm_open (always close-on-exec)"] = cloexec =>
        {
            string name = "/cloexec-" + Guid.NewGuid().ToString("N");
            int fd = Check(CreatorNative.ShmOpen(name, Linux.ORdWr | OCreat | OExcl, Convert.ToUInt32("600", 8), cloexec), "shm_open");
            return new Made([fd], () =>
            {
                _ = Native.Close(fd);
                _ = CreatorNative.ShmUnlink(name);
            });
        },
        ["mq_open (always close-on-exec)"] = cloexec =>
        {
            string name = "/cloexec-" + Guid.NewGuid().ToString("N");
            int queue = Check(CreatorNative.MqOpen(name, Linux.ORdWr | OCreat | OExcl, Convert.ToUInt32("600", 8), null, cloexec), "mq_open");
            return new Made([queue], () =>
            {
                _ = Native.Close(queue);
                _ = CreatorNative.MqUnlink(name);
            });
        },
        ["pidfd_open (always close-on-exec)"] = cloexec => Closing(Check(CreatorNative.PidfdOpen(Environment.ProcessId, 0, cloexec), "pidfd_open")),
        ["pidfd_open (SafeHandle)"] = cloexec =>
        {
            SafeFileHandle handle = CreatorNative.PidfdOpenHandle(Environment.ProcessId, 0, cloexec);
            if (handle.IsInvalid)
            {
                throw Refused("pidfd_open", Marshal.GetLastPInvokeError());
            }

            return new Made([(int)handle.DangerousGetHandle()], handle.Dispose);
        },
        ["pidfd_getfd (always close-on-exec)"] = cloexec =>
        {
            int pidfd = Check(CreatorNative.PidfdOpen(Environment.ProcessId, 0, cloexec: true), "pidfd_open");
            int copy;
            try
            {
                copy = Check(CreatorNative.PidfdGetfd(pidfd, Anchor.Descriptor, 0, cloexec), "pidfd_getfd");
            }
            finally
            {
                _ = Native.Close(pidfd);
            }

            return Closing(copy);
        },
    };

    public static IEnumerable<string> Names => s_all.Keys;

    public static Made Make(string name, bool? cloexec) => s_all[name](cloexec);

    /// <summary>Whether the call made as declared leaves its descriptors close-on-exec; null where that depends on the run.</summary>
    public static bool? AsDeclared(string name) => s_asDeclared.TryGetValue(name, out bool? value) ? value : false;

    private static Made Closing(params int[] descriptors) => new(descriptors, () =>
    {
        foreach (int fd in descriptors)
        {
            _ = Native.Close(fd);
        }
    });

    private static Exception Refused(string call, int errno) =>
        RawReferences.Refusals.ContainsKey(errno) ? new RefusedBySystemException(call, errno) : new InvalidOperationException($"{call} failed: errno {errno}");

    private static int Check(int result, string call) => result >= 0 ? result : throw Refused(call, Marshal.GetLastPInvokeError());

    private static string TempPath(string what) => Path.Combine(Path.GetTempPath(), $"cloexec-{what}-" + Guid.NewGuid().ToString("N"));

    private static Made WithPath(string what, Func<string, int> create)
    {
        string path = TempPath(what);
        int fd = create(path);
        return new Made([fd], () =>
        {
            _ = Native.Close(fd);
            File.Delete(path);
        });
    }

    /// <summary>A template in the temporary directory (its Xs filled by the call), and the file it named deleted after.</summary>
    private static Made TempFile(string pattern, Func<nint, int, int> create)
    {
        byte[] template = Encoding.ASCII.GetBytes(Path.Combine(Path.GetTempPath(), "cloexec-" + pattern) + "\0");
        int fd;
        fixed (byte* buffer = template)
        {
            fd = Check(create((nint)buffer, template.Length), "mkstemp family");
        }

        return new Made([fd], () =>
        {
            _ = Native.Close(fd);
            File.Delete(Encoding.ASCII.GetString(template, 0, template.Length - 1));
        });
    }

    private static nint OpenStream(bool cloexec)
    {
        nint stream = CreatorNative.FOpen("/dev/null", "r", cloexec);
        return stream != 0 ? stream : throw new InvalidOperationException($"fopen failed: errno {Marshal.GetLastPInvokeError()}");
    }

    private static Made Stream(nint stream, string call, bool processStream = false)
    {
        if (stream == 0)
        {
            throw Refused(call, Marshal.GetLastPInvokeError());
        }

        return new Made([CreatorNative.FileNumber(stream)], () => _ = processStream ? CreatorNative.PClose(stream) : CreatorNative.FClose(stream));
    }

    private static Made MountedTmpfs(bool? cloexec)
    {
        int context = Check(CreatorNative.FsOpen("tmpfs", 0, cloexec: true), "fsopen");
        try
        {
            Check(CreatorNative.FsConfig(context, FsConfigCmdCreate, null, null, 0), "fsconfig");
            return Closing(Check(CreatorNative.FsMount(context, 0, 0, cloexec), "fsmount"));
        }
        finally
        {
            _ = Native.Close(context);
        }
    }

    private static Made OpenByHandle(bool? cloexec)
    {
        string path = TempPath("handle");
        File.WriteAllText(path, "x");
        try
        {
            byte[] handle = new byte[8 + MaxHandleSize];
            BitConverter.TryWriteBytes(handle, MaxHandleSize); // handle_bytes: the room for f_handle
            int mountId;
            fixed (byte* buffer = handle)
            {
                Check(CreatorNative.NameToHandleAt(Linux.AtFdCwd, path, buffer, &mountId, 0), "name_to_handle_at");
                // Any descriptor on the file's mount will do. No O_DIRECTORY: its value differs by architecture
                // (0x10000 on x86 is O_DIRECT on arm64, which a directory refuses with EINVAL).
                int mount = Check(Native.Open(Path.GetDirectoryName(path)!, Linux.ORdOnly, 0, cloexec: true), "open");
                try
                {
                    return Closing(Check(CreatorNative.OpenByHandleAt(mount, buffer, Linux.ORdOnly, cloexec), "open_by_handle_at"));
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

    /// <summary>Two datagrams, each carrying a descriptor, read by one recvmmsg: the fallback must reach both.</summary>
    private static Made ReceivedInTwoMessages(bool? cloexec)
    {
        int[] pair = new int[2];
        fixed (int* fds = pair)
        {
            Check(Native.SocketPair(Linux.AfUnix, SockDgram, 0, fds, cloexec: true), "socketpair");
        }

        try
        {
            ScmRights.Send(pair[0], Anchor.Descriptor);
            ScmRights.Send(pair[0], Anchor.Descriptor);
            return Closing(ReceiveTwo(pair[1], cloexec));
        }
        finally
        {
            _ = Native.Close(pair[0]);
            _ = Native.Close(pair[1]);
        }
    }

    private static int[] ReceiveTwo(int socket, bool? cloexec)
    {
        const int ControlSize = 24; // CMSG_SPACE(sizeof(int)) on 64-bit Linux
        const int HeaderSize = 16;  // CMSG_LEN(0)
        byte* data = stackalloc byte[2];
        byte* control = stackalloc byte[2 * ControlSize];
        new Span<byte>(control, 2 * ControlSize).Clear();
        IOVec* iov = stackalloc IOVec[2];
        MMsgHdr* messages = stackalloc MMsgHdr[2];
        for (int i = 0; i < 2; i++)
        {
            iov[i] = new IOVec { Base = data + i, Length = 1 };
            messages[i] = new MMsgHdr { Header = new MsgHdr { Iov = iov + i, IovLength = 1, Control = control + (i * ControlSize), ControlLength = ControlSize } };
        }

        int received = CreatorNative.RecvMMsg(socket, messages, 2, MsgDontWait, null, cloexec);
        if (received != 2)
        {
            throw new InvalidOperationException(received == -1 ? $"recvmmsg failed: errno {Marshal.GetLastPInvokeError()}" : $"recvmmsg received {received} messages, not 2");
        }

        return [*(int*)(control + HeaderSize), *(int*)(control + ControlSize + HeaderSize)];
    }
}
