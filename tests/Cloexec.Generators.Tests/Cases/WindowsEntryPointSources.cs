namespace Cloexec.Generators.Tests.Cases;

/// <summary>The Windows creators (kernel32, ws2_32, the CRT), declared as a consumer would.</summary>
internal static class WindowsEntryPointSources
{
    public const string HandleFamily = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        [StructLayout(LayoutKind.Sequential)]
        internal struct SECURITY_ATTRIBUTES
        {
            public int nLength;
            public nint lpSecurityDescriptor;
            public int bInheritHandle;
        }

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("kernel32", EntryPoint = "CreateFileW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial nint CreateFile(string name, uint access, uint share, nint securityAttributes, uint disposition, uint flags, nint template, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateFileA", SetLastError = true)]
            internal static partial nint CreateFileAnsi(byte* name, uint access, uint share, SECURITY_ATTRIBUTES* securityAttributes, uint disposition, uint flags, nint template, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
            internal static partial int CreatePipe(out nint read, out nint write, SECURITY_ATTRIBUTES* securityAttributes, uint size, bool? cloexec = null);

            [CreatesDescriptor("kernel32.dll", EntryPoint = "CreatePipe", SetLastError = true)]
            internal static partial int CreatePipeByRef(out nint read, out nint write, ref SECURITY_ATTRIBUTES securityAttributes, uint size, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "DuplicateHandle", SetLastError = true)]
            internal static partial int DuplicateHandle(nint sourceProcess, nint source, nint targetProcess, out nint target, uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, uint options, bool? cloexec = null);
        }
        """;

    public const string SocketAndCrtFamily = """
        using System;
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("ws2_32", EntryPoint = "WSASocketW", SetLastError = true)]
            internal static partial nint WsaSocket(int family, int type, int protocol, nint info, uint group, uint flags, bool? cloexec = null);

            [CreatesDescriptor("ws2_32", EntryPoint = "WSASocketA", SetLastError = true)]
            internal static partial nint WsaSocketAnsi(int family, int type, int protocol, nint info, uint group, uint flags, bool? cloexec = null);

            [CreatesDescriptor("ws2_32", EntryPoint = "socket", SetLastError = true)]
            internal static partial nint Socket(int family, int type, int protocol, bool? cloexec = null);

            [CreatesDescriptor("ws2_32", EntryPoint = "accept", SetLastError = true)]
            internal static partial nint Accept(nint socket, nint address, nint length, bool? cloexec = null);

            [CreatesDescriptor("ucrtbase", EntryPoint = "_wopen", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial int Open(string path, int flags, int mode, bool? cloexec = null);

            [CreatesDescriptor("api-ms-win-crt-stdio-l1-1-0", EntryPoint = "_open", SetLastError = true)]
            internal static partial int OpenAnsi(byte* path, int flags, bool? cloexec = null);

            [CreatesDescriptor("ucrtbase", EntryPoint = "_pipe", SetLastError = true)]
            internal static partial int Pipe(Span<int> fds, uint size, int textMode, bool? cloexec = null);

            [CreatesDescriptor("ucrtbase", EntryPoint = "_dup", SetLastError = true)]
            internal static partial int Dup(int fd, bool? cloexec = null);

            [CreatesDescriptor("ucrtbase", EntryPoint = "_dup2", SetLastError = true)]
            internal static partial int Dup2(int fd, int onto, bool? cloexec = null);
        }
        """;

    /// <summary>One name, two platforms: the library decides which row of the table applies.</summary>
    public const string SameNameTwoPlatforms = """
        using Cloexec;

        namespace Demo;

        internal static partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "socket", SetLastError = true)]
            internal static partial int UnixSocket(int domain, int type, int protocol, bool? cloexec = null);

            [CreatesDescriptor("WS2_32.dll", EntryPoint = "socket", SetLastError = true)]
            internal static partial nint WinsockSocket(int family, int type, int protocol, bool? cloexec = null);
        }
        """;
}
