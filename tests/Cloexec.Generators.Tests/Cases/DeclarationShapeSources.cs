namespace Cloexec.Generators.Tests.Cases;

/// <summary>How a declaration is written around the call: raw imports, flag settings, cloexec, types, names, docs.</summary>
internal static class DeclarationShapeSources
{
    // The tests run only this generator, so the implementation LibraryImportGenerator would write for each
    // [LibraryImport] method is stood in for by hand, in a part of its own.
    public const string WrapsLibraryImport = """
        using System;
        using System.Runtime.InteropServices;
        using Cloexec;
        using Microsoft.Win32.SafeHandles;

        namespace Demo;

        internal static partial class Native
        {
            [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
            private static partial int RawSocket(int domain, int type, int protocol);

            [CreatesDescriptor(Wraps = nameof(RawSocket))]
            internal static partial int WrappedSocket(int domain, int type, int protocol, bool? cloexec = null);

            [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
            private static partial SafeFileHandle RawOpen(string path, int flags, int mode);

            [CreatesDescriptor(Wraps = nameof(RawOpen))]
            internal static partial SafeFileHandle WrappedOpen(string path, int flags, int mode, bool? cloexec = null);

            [LibraryImport("libc", EntryPoint = "pipe", SetLastError = true)]
            private static partial int RawPipe(Span<int> fds);

            [CreatesDescriptor(Wraps = nameof(RawPipe))]
            internal static partial int WrappedPipe(Span<int> fds, bool? cloexec = null);
        }

        internal static partial class Native
        {
            private static partial int RawSocket(int domain, int type, int protocol) => throw new NotImplementedException();

            private static partial SafeFileHandle RawOpen(string path, int flags, int mode) => throw new NotImplementedException();

            private static partial int RawPipe(Span<int> fds) => throw new NotImplementedException();
        }
        """;

    public const string WrapsDllImport = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static partial class Native
        {
            [DllImport("libc", EntryPoint = "dup3")]
            private static extern int RawDup3(int oldfd, int newfd, int flags);

            [CreatesDescriptor(Wraps = nameof(RawDup3))]
            internal static partial int WrappedDup3(int oldfd, int newfd, int flags, bool? cloexec = null);

            [DllImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
            private static extern nint RawRecvMsg(int fd, ref MessageHeader msg, int flags);

            [CreatesDescriptor(Wraps = nameof(RawRecvMsg))]
            internal static partial nint WrappedRecvMsg(int fd, ref MessageHeader msg, int flags, bool? cloexec = null);

            [DllImport("libdemo", EntryPoint = "demo_create", SetLastError = true)]
            private static extern int RawDemoCreate(in MessageHeader options, out int generation, uint flags);

            [CreatesDescriptor(Wraps = nameof(RawDemoCreate), FlagsParameter = "flags", Flag = CloexecFlag.Open)]
            internal static partial int WrappedDemoCreate(in MessageHeader options, out int generation, uint flags, bool? cloexec = null);
        }

        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct MessageHeader
        {
            public void* Name;
            public int NameLength;
            public void* Iov;
            public nuint IovLength;
            public void* Control;
            public nuint ControlLength;
            public int Flags;
        }
        """;

    public const string UnknownEntryPointWithFlagsParameter = """
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("libdemo", EntryPoint = "demo_open", SetLastError = true, FlagsParameter = "oflags", Flag = CloexecFlag.Open)]
            internal static partial int DemoOpen(byte* path, int oflags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "socket", SetLastError = true, FlagsParameter = "kind", Flag = CloexecFlag.Socket)]
            internal static partial int SocketByName(int domain, int kind, int protocol, bool? cloexec = null);
        }
        """;

    public const string FlagNone = """
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "fcntl", SetLastError = true, Flag = CloexecFlag.None)]
            internal static partial int DupViaFcntl(int fd, int command, int argument, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true, Flag = CloexecFlag.None)]
            internal static partial int OpenThenSet(byte* path, int flags, int mode, bool? cloexec = null);
        }
        """;

    public const string CloexecParameterShapes = """
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true)]
            internal static partial int OpenWithoutCloexec(byte* path, int flags, int mode);

            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true)]
            internal static partial int OpenRequiringCloexec(byte* path, int flags, int mode, bool cloexec);

            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true)]
            internal static partial int OpenCloexecFirst(bool? cloexec, byte* path, int flags, int mode);

            [CreatesDescriptor("libc", EntryPoint = "open")]
            internal static partial int OpenWithoutLastError(byte* path, int flags, int mode, bool? cloexec = null);
        }
        """;

    public const string NestedTypes = """
        using Cloexec;

        namespace Demo.Interop;

        public partial class Outer
        {
            internal partial struct Middle
            {
                private partial record Inner
                {
                    [CreatesDescriptor("libc", EntryPoint = "epoll_create1", SetLastError = true)]
                    internal static partial int EpollCreate1(int flags, bool? cloexec = null);
                }

                internal partial record struct Sibling
                {
                    [CreatesDescriptor("libc", EntryPoint = "inotify_init1", SetLastError = true)]
                    public static partial int InotifyInit1(int flags, bool? cloexec = null);
                }
            }
        }
        """;

    public const string GlobalNamespace = """
        using Cloexec;

        internal static partial class GlobalNative
        {
            [CreatesDescriptor("libc", EntryPoint = "dup", SetLastError = true)]
            internal static partial int Dup(int fd, bool? cloexec = null);
        }
        """;

    public const string KeywordNames = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "eventfd", SetLastError = true)]
            internal static partial int @checked(uint @base, int @event, bool? cloexec = null);

            [CreatesDescriptor("libdemo", EntryPoint = "demo_open", StringMarshalling = StringMarshalling.Utf8, FlagsParameter = "event", Flag = CloexecFlag.Open)]
            internal static partial int DemoOpen(string @string, int[] @fixed, int @event, bool? cloexec = null);
        }
        """;

    public const string DocumentationComment = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            /// <summary>
            /// Opens <paramref name="path"/>, close-on-exec unless <paramref name="cloexec"/> says otherwise.
            /// </summary>
            /// <param name="path">A NUL-terminated path.</param>
            /// <param name="flags">O_* flags; O_CLOEXEC is managed for you.</param>
            /// <param name="cloexec"><see langword="null"/> takes the ambient default.</param>
            /// <returns>The descriptor, or -1 with the error in <see cref="Marshal.GetLastPInvokeError"/>.</returns>
            /// <remarks>The flag's family is <see cref="CloexecFlag.Open"/>; see also <see cref="Native"/>.</remarks>
            /// <example>
            /// <code>
            /// int fd = Open(path, 0);
            ///     // indented on purpose
            /// </code>
            /// </example>
            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true)]
            internal static partial int Open(byte* path, int flags, bool? cloexec = null);
        }
        """;
}
