namespace Cloexec.Generators.Tests.Cases;

/// <summary>The legacy entry points without a flag, which the generator upgrades to their atomic siblings.</summary>
internal static class LegacyEntryPointSources
{
    public const string PipeAndDup = """
        using System;
        using Cloexec;

        namespace Demo;

        internal static partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "pipe", SetLastError = true)]
            internal static partial int Pipe(Span<int> fds, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "dup", SetLastError = true)]
            internal static partial int Dup(int fd, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "dup2", SetLastError = true)]
            internal static partial int Dup2(int oldfd, int newfd, bool? cloexec = null);
        }
        """;

    public const string AcceptCreatAndMkstemp = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "accept", SetLastError = true)]
            internal static partial int Accept(int fd, nint addr, nint addrlen, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "creat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial int Creat(string path, int mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "mkstemp", SetLastError = true)]
            internal static partial int Mkstemp(byte* template, bool? cloexec = null);
        }
        """;

    public const string EpollAndInotify = """
        using Cloexec;

        namespace Demo;

        internal static partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "epoll_create", SetLastError = true)]
            internal static partial int EpollCreate(int size, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "inotify_init", SetLastError = true)]
            internal static partial int InotifyInit(bool? cloexec = null);
        }
        """;
}
