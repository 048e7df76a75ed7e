namespace Cloexec.Generators.Tests.Cases;

/// <summary>One declaration or more for each way a parameter crosses to native code.</summary>
internal static class ParameterKindSources
{
    public const string FlagsTypes = """
        using System;
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        [Flags]
        internal enum OpenFlags
        {
            ReadOnly = 0,
            WriteOnly = 1,
            Create = 0x40,
        }

        [Flags]
        internal enum MemfdFlags : uint
        {
            None = 0,
            AllowSealing = 2,
        }

        internal static partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial int OpenWithEnum(string path, OpenFlags flags, int mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "memfd_create", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial int MemfdCreateWithEnum(string name, MemfdFlags flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "eventfd", SetLastError = true)]
            internal static partial int EventFdWithUnsigned(uint initval, uint flags, bool? cloexec = null);
        }
        """;

    public const string Booleans = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static partial class Native
        {
            [CreatesDescriptor("libdemo", EntryPoint = "demo_open", FlagsParameter = "flags", Flag = CloexecFlag.Open)]
            internal static partial int DemoOpen(
                [MarshalAs(UnmanagedType.Bool)] bool readOnly,
                [MarshalAs(UnmanagedType.U1)] bool create,
                [MarshalAs(UnmanagedType.I1)] bool truncate,
                int flags,
                bool? cloexec = null);
        }
        """;

    public const string Strings = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial int OpenUtf16(string path, int flags, int mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial int OpenAtUtf8Override(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true)]
            internal static partial int OpenMarshalAsUtf16([MarshalAs(UnmanagedType.LPWStr)] string path, int flags, int mode, bool? cloexec = null);

            [CreatesDescriptor("libdemo", EntryPoint = "demo_open", StringMarshalling = StringMarshalling.Utf8, FlagsParameter = "flags", Flag = CloexecFlag.Open)]
            internal static partial int DemoOpenNullable(string? path, string? label, int flags, bool? cloexec = null);
        }
        """;

    public const string CustomStringMarshallers = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        /// <summary>A stateless marshaller with Free.</summary>
        internal static unsafe class AsciiMarshaller
        {
            public static byte* ConvertToUnmanaged(string? value) => (byte*)Marshal.StringToCoTaskMemAnsi(value);

            public static void Free(byte* value) => Marshal.FreeCoTaskMem((nint)value);
        }

        /// <summary>A stateless marshaller without Free: its native form needs no release.</summary>
        internal static class InternedMarshaller
        {
            public static nint ConvertToUnmanaged(string? value) => value is null ? 0 : 1;
        }

        internal static partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(AsciiMarshaller))]
            internal static partial int OpenAscii(string path, int flags, int mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "memfd_create", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(InternedMarshaller))]
            internal static partial int MemfdInterned(string name, uint flags, bool? cloexec = null);
        }
        """;

    public const string SafeHandles = """
        using System.Runtime.InteropServices;
        using Cloexec;
        using Microsoft.Win32.SafeHandles;

        namespace Demo;

        internal static partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial SafeFileHandle OpenHandle(string path, int flags, int mode = 0, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial int OpenAtHandle(SafeFileHandle directory, string path, int flags, int mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "dup", SetLastError = true)]
            internal static partial DescriptorHandle DupHandle(DescriptorHandle fd, bool? cloexec = null);
        }

        /// <summary>A descriptor the consumer owns, closed on release.</summary>
        internal sealed class DescriptorHandle : SafeHandle
        {
            public DescriptorHandle()
                : base(-1, ownsHandle: true)
            {
            }

            public override bool IsInvalid => handle == -1;

            protected override bool ReleaseHandle() => Close((int)handle) == 0;

            [DllImport("libc", EntryPoint = "close")]
            private static extern int Close(int fd);
        }
        """;

    public const string Buffers = """
        using System;
        using Cloexec;

        namespace Demo;

        internal static partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true)]
            internal static partial int OpenBytes(scoped ReadOnlySpan<byte> path, int flags, int mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "socketpair", SetLastError = true)]
            internal static partial int SocketPairSpan(int domain, int type, int protocol, Span<int> sv, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "socketpair", SetLastError = true)]
            internal static partial int SocketPairArray(int domain, int type, int protocol, int[] sv, bool? cloexec = null);
        }
        """;

    public const string ByReference = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        [StructLayout(LayoutKind.Sequential)]
        internal struct DemoOptions
        {
            public int Mode;
            public long Size;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct DemoInfo
        {
            public int Device;
            public long Inode;
        }

        internal static partial class Native
        {
            [CreatesDescriptor("libdemo", EntryPoint = "demo_create", SetLastError = true, FlagsParameter = "flags", Flag = CloexecFlag.Open)]
            internal static partial int DemoCreate(in DemoOptions options, out DemoInfo info, ref int generation, ref readonly DemoOptions defaults, int flags, bool? cloexec = null);
        }
        """;

    public const string PointersAndNativeIntegers = """
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("libdemo", EntryPoint = "demo_attach", SetLastError = true, FlagsParameter = "flags", Flag = CloexecFlag.Socket)]
            internal static partial nint DemoAttach(void* context, nint cookie, nuint length, delegate* unmanaged<int, void> callback, uint flags, bool? cloexec = null);
        }
        """;
}
