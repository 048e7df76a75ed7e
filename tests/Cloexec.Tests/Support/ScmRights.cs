using System;
using System.Runtime.InteropServices;

namespace Cloexec.Tests;

/// <summary>Passes one descriptor over a Unix socket as SCM_RIGHTS, with 64-bit Linux's struct cmsghdr.</summary>
internal static unsafe class ScmRights
{
    private const int HeaderSize = 16;
    private const int ControlSize = 24; // CMSG_SPACE(sizeof(int))

    public static void Send(int socket, int fd)
    {
        byte data = 1;
        byte* control = stackalloc byte[ControlSize];
        new Span<byte>(control, ControlSize).Clear();
        *(nuint*)control = HeaderSize + sizeof(int);
        *(int*)(control + 8) = Linux.SolSocket;
        *(int*)(control + 12) = Linux.ScmRights;
        *(int*)(control + HeaderSize) = fd;
        var iov = new IOVec { Base = &data, Length = 1 };
        var message = new MsgHdr { Iov = &iov, IovLength = 1, Control = control, ControlLength = ControlSize };
        if (Native.SendMsg(socket, ref message, 0) != 1)
        {
            throw new InvalidOperationException($"sendmsg failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>A generated recvmsg wrapper's shape.</summary>
    public delegate nint RecvMsgWrapper(int fd, ref MsgHdr message, int flags, bool? cloexec);

    /// <summary>Receives through the generated recvmsg wrapper; returns the descriptor, or -1 with the errno set.</summary>
    public static int Receive(int socket, bool? cloexec) => Receive(socket, cloexec, Native.RecvMsg);

    /// <summary>Receives through <paramref name="recvmsg"/>, a generated wrapper; returns the descriptor, or -1 with the errno set.</summary>
    public static int Receive(int socket, bool? cloexec, RecvMsgWrapper recvmsg)
    {
        byte data = 0;
        byte* control = stackalloc byte[ControlSize];
        new Span<byte>(control, ControlSize).Clear();
        var iov = new IOVec { Base = &data, Length = 1 };
        var message = new MsgHdr { Iov = &iov, IovLength = 1, Control = control, ControlLength = ControlSize };
        nint received = recvmsg(socket, ref message, 0, cloexec);
        return received == -1 ? -1 : *(int*)(control + HeaderSize);
    }
}
