using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// Wrappers whose parameters are named as glibc's headers name them (<c>__file</c>, <c>__mode</c>, <c>__fd</c>), as
/// header-generated bindings copy them, or as the generated code's own locals: they compile and make close-on-exec
/// descriptors, or inheritable ones for <c>cloexec: false</c>.
/// </summary>
public sealed class HeaderNamedParameterTests
{
    public static TheoryData<string> Creators => [.. HeaderNamed.Creators.Keys];

    [Theory]
    [MemberData(nameof(Creators))]
    public void A_creator_with_header_named_parameters_makes_close_on_exec_descriptors(string creator)
    {
        foreach (bool? cloexec in new bool?[] { null, true, false })
        {
            int[] descriptors = HeaderNamed.Creators[creator](cloexec);
            try
            {
                Assert.All(descriptors, fd => Assert.True(fd >= 0, $"{creator} failed"));
                Assert.All(descriptors, fd => Assert.Equal(cloexec != false, Linux.HasCloexec(fd)));
            }
            finally
            {
                Array.ForEach(descriptors, fd => _ = Native.Close(fd));
            }
        }
    }
}

internal static unsafe partial class HeaderNamed
{
    private const string Libc = "libc";

    public static IReadOnlyDictionary<string, Func<bool?, int[]>> Creators { get; } = new Dictionary<string, Func<bool?, int[]>>
    {
        ["creat(__file, __mode)"] = cloexec => [Creat(TemporaryPath(), 0x180, cloexec)],
        ["open(__file, __oflag, __mode)"] = cloexec => [Open("/dev/null", Linux.ORdOnly, 0, cloexec)],
        ["open(__retVal, __lastError, __atomic)"] = cloexec => [OpenNamedAsLocals("/dev/null", Linux.ORdOnly, 0, cloexec)],
        ["open(path, __path_native, __path_native__marshaller)"] = cloexec => [OpenNamedAsNativeLocal("/dev/null", Linux.ORdOnly, 0, cloexec)],
        // The process's own anchor, not descriptor 0 (which a test host may not have open), onto a number nobody
        // holds: dup2 onto a fixed number would silently close whatever another part of the process keeps there.
        ["dup(__fd)"] = cloexec => [Dup(Anchor.Descriptor, cloexec)],
        ["dup2(__forkLockHeld, __PInvoke)"] = cloexec => OntoFreeNumber(number => Dup2(Anchor.Descriptor, number, cloexec)),
        ["socket(__domain, __type, __protocol)"] = cloexec => [Socket(Linux.AfUnix, Linux.SockStream, 0, cloexec)],
        ["pipe(__pipedes)"] = cloexec =>
        {
            Span<int> fds = stackalloc int[2];
            Assert.Equal(0, Pipe(fds, cloexec));
            return fds.ToArray();
        },
    };

    private static int[] OntoFreeNumber(Func<int, int> duplicate)
    {
        int number = Anchor.ReserveFreeNumber();
        try
        {
            return [duplicate(number)];
        }
        finally
        {
            Anchor.Release(number);
        }
    }

    // glibc fcntl.h: extern int creat (const char *__file, mode_t __mode)
    [CreatesDescriptor(Libc, EntryPoint = "creat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Creat(string __file, int __mode, bool? cloexec = null);

    // glibc fcntl.h: extern int open (const char *__file, int __oflag, ...)
    [CreatesDescriptor(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string __file, int __oflag, int __mode, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNamedAsLocals(string __retVal, int __lastError, int __atomic, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNamedAsNativeLocal(string path, int __path_native, int __path_native__marshaller, bool? cloexec = null);

    // glibc unistd.h: extern int dup (int __fd), dup2 (int __fd, int __fd2), pipe (int __pipedes[2])
    [CreatesDescriptor(Libc, EntryPoint = "dup", SetLastError = true)]
    private static partial int Dup(int __fd, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2(int __forkLockHeld, int __PInvoke, bool? cloexec = null);

    [CreatesDescriptor(Libc, EntryPoint = "pipe", SetLastError = true)]
    private static partial int Pipe(Span<int> __pipedes, bool? cloexec = null);

    // glibc sys/socket.h: extern int socket (int __domain, int __type, int __protocol)
    [CreatesDescriptor(Libc, EntryPoint = "socket", SetLastError = true)]
    private static partial int Socket(int __domain, int __type, int __protocol, bool? cloexec = null);

    private static string TemporaryPath() => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cloexec-header-named-" + Guid.NewGuid().ToString("N"));
}
