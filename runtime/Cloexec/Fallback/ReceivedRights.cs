using System;
using Cloexec.Platform;

namespace Cloexec.Fallback;

/// <summary>
/// Walks the <c>SCM_RIGHTS</c> control messages of a <c>struct msghdr</c> that recvmsg filled, or of each message of a
/// <c>struct mmsghdr</c> array that recvmmsg filled.
/// </summary>
internal static unsafe class ReceivedRights
{
    private const int ScmRights = 1;

    /// <summary>Where struct msghdr and struct cmsghdr keep their fields on this platform.</summary>
    /// <remarks>MessageStride is sizeof(struct mmsghdr), 0 where there is no recvmmsg.</remarks>
    private readonly record struct Layout(int ControlOffset, int ControlLengthOffset, bool WideLengths, int HeaderSize, int Alignment, int SolSocket, int MessageStride);

    // msghdr: name, namelen, iov, iovlen, control, controllen, flags: control is the fifth pointer-aligned field
    // everywhere. Linux (glibc bits/socket.h) uses size_t lengths and size_t-aligned cmsg data;
    // macOS (sys/socket.h) uses socklen_t lengths, 4-byte alignment; FreeBSD socklen_t lengths, long alignment.
    // mmsghdr: { struct msghdr msg_hdr; length } padded to pointer alignment. Linux (glibc bits/socket.h): seven
    // pointer-sized msghdr slots and an unsigned int msg_len. FreeBSD (sys/sys/socket.h): a msghdr of 48 bytes on
    // 64-bit, 28 on 32-bit, and an ssize_t msg_len. macOS has no recvmmsg.
    private static readonly Layout? s_layout =
        OperatingSystem.IsLinux() ? new(4 * sizeof(nint), 5 * sizeof(nint), true, sizeof(nint) + 8, sizeof(nint), 1, Align((7 * sizeof(nint)) + 4, sizeof(nint)))
        : OperatingSystem.IsMacOS() ? new(4 * sizeof(nint), 5 * sizeof(nint), false, 12, 4, 0xffff, 0)
        : OperatingSystem.IsFreeBSD() ? new(4 * sizeof(nint), 5 * sizeof(nint), false, 12, sizeof(nint), 0xffff, sizeof(nint) == 8 ? 48 + 8 : 28 + 4)
        : null;

    /// <summary>Returns 0, or the errno of the first descriptor that could not be set.</summary>
    internal static int SetCloexecOnAll(void* message)
    {
        int failure = 0;
        ForEach(message, fd =>
        {
            if (failure == 0)
            {
                failure = CloexecSetter.TrySet(fd, cloexec: true);
            }
        });
        return failure;
    }

    internal static void CloseAll(void* message) => ForEach(message, static fd => _ = Libc.Close(fd));

    /// <summary>Returns 0, or the errno of the first descriptor that could not be set after closing them all.</summary>
    internal static int SetOrCloseAll(void* message)
    {
        int failure = SetCloexecOnAll(message);
        if (failure != 0)
        {
            CloseAll(message);
        }

        return failure;
    }

    /// <summary>As <see cref="SetOrCloseAll"/>, over the first <paramref name="count"/> messages of an mmsghdr array.</summary>
    internal static int SetOrCloseAllMessages(void* messages, int count)
    {
        int failure = SetCloexecOnAllMessages(messages, count);
        if (failure != 0)
        {
            CloseAllMessages(messages, count);
        }

        return failure;
    }

    /// <summary>Over the first <paramref name="count"/> messages of an mmsghdr array: returns 0, or the first errno.</summary>
    internal static int SetCloexecOnAllMessages(void* messages, int count)
    {
        int stride = MessageStride();
        for (int i = 0; i < count; i++)
        {
            int failure = SetCloexecOnAll((byte*)messages + ((long)i * stride));
            if (failure != 0)
            {
                return failure;
            }
        }

        return 0;
    }

    internal static void CloseAllMessages(void* messages, int count)
    {
        int stride = MessageStride();
        for (int i = 0; i < count; i++)
        {
            CloseAll((byte*)messages + ((long)i * stride));
        }
    }

    private static int MessageStride() =>
        s_layout is { MessageStride: > 0 } layout ? layout.MessageStride : throw new PlatformNotSupportedException();

    private static void ForEach(void* message, Action<int> action)
    {
        Layout layout = s_layout ?? throw new PlatformNotSupportedException();
        byte* header = (byte*)message;
        byte* control = *(byte**)(header + layout.ControlOffset);
        ulong controlLength = layout.WideLengths ? *(nuint*)(header + layout.ControlLengthOffset) : *(uint*)(header + layout.ControlLengthOffset);
        if (control == null)
        {
            return;
        }

        byte* end = control + controlLength;
        byte* current = control;
        while (current + layout.HeaderSize <= end)
        {
            ulong length = layout.WideLengths ? *(nuint*)current : *(uint*)current;
            if (length < (ulong)layout.HeaderSize || current + length > end)
            {
                break;
            }

            int level = *(int*)(current + (layout.WideLengths ? sizeof(nuint) : 4));
            int type = *(int*)(current + (layout.WideLengths ? sizeof(nuint) : 4) + 4);
            int dataOffset = Align(layout.HeaderSize, layout.Alignment);
            if (level == layout.SolSocket && type == ScmRights)
            {
                int* descriptors = (int*)(current + dataOffset);
                long count = ((long)length - dataOffset) / sizeof(int);
                for (long i = 0; i < count; i++)
                {
                    action(descriptors[i]);
                }
            }

            current += Align((int)length, layout.Alignment);
        }
    }

    private static int Align(int value, int alignment) => (value + alignment - 1) & ~(alignment - 1);
}
