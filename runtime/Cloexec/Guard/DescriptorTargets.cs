using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Cloexec.Platform;

namespace Cloexec;

/// <summary>What a descriptor refers to, in the words a report needs: the system's name for it, and a socket's own address.</summary>
internal static class DescriptorTargets
{
    private const int AfUnix = 1;
    private const int AfInet = 2;
    private const int LinuxAfInet6 = 10;  // linux/socket.h
    private const int AppleAfInet6 = 30;  // xnu bsd/sys/socket.h
    private const int FreeBsdAfInet6 = 28; // sys/sys/socket.h
    private const int SockaddrStorageSize = 128;

    /// <summary>The target as <see cref="FileDescriptor.ListInheritable"/> names it, or <see langword="null"/>.</summary>
    internal static string? Describe(int fd) =>
        PlatformValues.Current is { } values ? FileDescriptor.Describe(fd, values) : null;

    /// <summary>The descriptor with its socket's address appended, when it is a socket that has one.</summary>
    internal static InheritableDescriptor WithAddress(InheritableDescriptor descriptor) =>
        SocketAddress(descriptor.Descriptor) is { } address
            ? descriptor with { Target = descriptor.Target is null ? address : descriptor.Target + " " + address }
            : descriptor;

    private static unsafe string? SocketAddress(int fd)
    {
        byte* storage = stackalloc byte[SockaddrStorageSize];
        uint length = SockaddrStorageSize;
        if (Libc.GetSockName(fd, storage, &length) != 0 || length < 2)
        {
            return null; // not a socket (ENOTSOCK), or closed meanwhile
        }

        var address = new ReadOnlySpan<byte>(storage, (int)Math.Min(length, SockaddrStorageSize));
        // BSDs put sa_len first and a one-byte family; Linux has a two-byte family.
        int family = OperatingSystem.IsLinux() || OperatingSystem.IsAndroid() ? BitConverter.ToUInt16(address) : address[1];
        int port = address.Length >= 4 ? BinaryPrimitives.ReadUInt16BigEndian(address[2..]) : 0;
        return family switch
        {
            AfInet when address.Length >= 8 => "inet " + new IPEndPoint(new IPAddress(address.Slice(4, 4)), port),
            LinuxAfInet6 or AppleAfInet6 or FreeBsdAfInet6 when address.Length >= 24 => "inet6 " + new IPEndPoint(new IPAddress(address.Slice(8, 16)), port),
            AfUnix => "unix " + UnixPath(address[2..]),
            _ => "family " + family.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string UnixPath(ReadOnlySpan<byte> path)
    {
        if (path.IsEmpty)
        {
            return "(unnamed)";
        }

        // An abstract address starts with a NUL (Linux): shown with '@', as ss(8) does.
        bool isAbstract = path[0] == 0;
        ReadOnlySpan<byte> name = isAbstract ? path[1..] : path;
        int end = isAbstract ? name.Length : name.IndexOf((byte)0);
        string text = System.Text.Encoding.UTF8.GetString(end < 0 ? name : name[..end]);
        return isAbstract ? "@" + text : text.Length == 0 ? "(unnamed)" : text;
    }
}
