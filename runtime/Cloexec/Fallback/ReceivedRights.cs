using System;
using Cloexec.Platform;

namespace Cloexec.Fallback;

/// <summary>Walks the <c>SCM_RIGHTS</c> control messages of a <c>struct msghdr</c> that recvmsg filled.</summary>
internal static unsafe class ReceivedRights
{
    private const int ScmRights = 1;

    /// <summary>Where struct msghdr and struct cmsghdr keep their fields on this platform.</summary>
    private readonly record struct Layout(int ControlOffset, int ControlLengthOffset, bool WideLengths, int HeaderSize, int Alignment, int SolSocket);

    // msghdr: name, namelen, iov, iovlen, control, controllen, flags: control is the fifth pointer-aligned field
    // everywhere. Linux (glibc bits/socket.h) uses size_t lengths and size_t-aligned cmsg data;
    // macOS (sys/socket.h) uses socklen_t lengths, 4-byte alignment; FreeBSD socklen_t lengths, long alignment.
    private static readonly Layout? s_layout =
        OperatingSystem.IsLinux() ? new(4 * sizeof(nint), 5 * sizeof(nint), true, sizeof(nint) + 8, sizeof(nint), 1)
        : OperatingSystem.IsMacOS() ? new(4 * sizeof(nint), 5 * sizeof(nint), false, 12, 4, 0xffff)
        : OperatingSystem.IsFreeBSD() ? new(4 * sizeof(nint), 5 * sizeof(nint), false, 12, sizeof(nint), 0xffff)
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
