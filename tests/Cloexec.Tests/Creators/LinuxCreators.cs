using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace Cloexec.Tests.Creators;

/// <summary>The kernel or the sandbox refused a call the test needs: reported by the test, never a silent pass.</summary>
internal sealed class RefusedBySystemException(string call, int errno)
    : Exception($"{call} was refused here with errno {errno}: this machine cannot run the call, so its descriptors could not be checked")
{
    public int Errno { get; } = errno;
}

/// <summary>One way to make each new creator create descriptors through its generated wrapper.</summary>
internal static unsafe class LinuxCreators
{
    private const int EPerm = 1;
    private const int ENoSys = 38;
    private const int EOpNotSupp = 95;
    private const int SockDgram = 2;
    private const int MsgDontWait = 0x40;
    private const int OWrOnly = 1;
    private const int OCreat = 0x40;
    private const int ODirectory = 0x10000;
    private const int MaxHandleSize = 128; // MAX_HANDLE_SZ, linux/fcntl.h

    private static readonly Dictionary<string, Func<Prepared>> s_all = new()
    {
        ["open64"] = () => new(cloexec => One(CreatorNative.Open64("/dev/null", Linux.ORdOnly, 0, cloexec), "open64")),
        ["openat64"] = () => new(cloexec => One(CreatorNative.OpenAt64(Linux.AtFdCwd, "/dev/null", Linux.ORdOnly, 0, cloexec), "openat64")),
        ["creat64"] = () =>
        {
            string path = TempPath("creat64");
            return new(cloexec => One(CreatorNative.Creat64(path, Convert.ToInt32("600", 8), cloexec), "creat64"), () => File.Delete(path));
        },
        ["open_by_handle_at"] = OpenByHandle,
        ["recvmmsg (SCM_RIGHTS in two messages)"] = ReceivedInTwoMessages,
    };

    public static IEnumerable<string> Names => s_all.Keys;

    public static Prepared Prepare(string name) => s_all[name]();

    private static string TempPath(string what) => Path.Combine(Path.GetTempPath(), $"cloexec-{what}-" + Guid.NewGuid().ToString("N"));

    private static int[] One(int fd, string call) => [Check(fd, call)];

    private static int Check(int result, string call)
    {
        if (result >= 0)
        {
            return result;
        }

        int errno = Marshal.GetLastPInvokeError();
        throw errno is EPerm or ENoSys or EOpNotSupp
            ? new RefusedBySystemException(call, errno)
            : new InvalidOperationException($"{call} failed: errno {errno}");
    }

    private static Prepared OpenByHandle()
    {
        string path = TempPath("handle");
        File.WriteAllText(path, "x");
        byte[] handle = new byte[8 + MaxHandleSize];
        BitConverter.TryWriteBytes(handle, MaxHandleSize); // handle_bytes: the room for f_handle
        int mountId;
        fixed (byte* buffer = handle)
        {
            if (CreatorNative.NameToHandleAt(Linux.AtFdCwd, path, buffer, &mountId, 0) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                File.Delete(path);
                throw new RefusedBySystemException("name_to_handle_at", errno);
            }
        }

        int mount = Check(Native.Open(Path.GetDirectoryName(path)!, Linux.ORdOnly | ODirectory, 0, cloexec: true), "open");
        return new(
            cloexec =>
            {
                fixed (byte* buffer = handle)
                {
                    return One(CreatorNative.OpenByHandleAt(mount, buffer, Linux.ORdOnly, cloexec), "open_by_handle_at");
                }
            },
            () =>
            {
                _ = Native.Close(mount);
                File.Delete(path);
            });
    }

    /// <summary>Two datagrams, each carrying a descriptor, read by one recvmmsg: the fallback must reach both.</summary>
    private static Prepared ReceivedInTwoMessages()
    {
        int[] pair = new int[2];
        fixed (int* fds = pair)
        {
            Check(Native.SocketPair(Linux.AfUnix, SockDgram, 0, fds, cloexec: true), "socketpair");
        }

        ScmRights.Send(pair[0], Anchor.Descriptor);
        ScmRights.Send(pair[0], Anchor.Descriptor);
        return new(cloexec => ReceiveTwo(pair[1], cloexec), () =>
        {
            _ = Native.Close(pair[0]);
            _ = Native.Close(pair[1]);
        });
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
            throw received == -1
                ? new InvalidOperationException($"recvmmsg failed: errno {Marshal.GetLastPInvokeError()}")
                : new InvalidOperationException($"recvmmsg received {received} messages instead of 2");
        }

        return [*(int*)(control + HeaderSize), *(int*)(control + ControlSize + HeaderSize)];
    }
}
