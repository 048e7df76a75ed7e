namespace Cloexec.Generators.Tests.Cases;

/// <summary>
/// The marshalling real bindings ask of <c>[DllImport]</c>: ANSI and platform strings, <c>CharSet</c>, bools without
/// <c>[MarshalAs]</c>, StringBuilder buffers, <c>[In, Out]</c> arrays.
/// </summary>
internal static class DllImportMarshallingSources
{
    public const string AnsiAndPlatformStrings = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true)]
            internal static partial int OpenLPStr([MarshalAs(UnmanagedType.LPStr)] string path, int flags, int mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true)]
            internal static partial int OpenLPTStr([MarshalAs(UnmanagedType.LPTStr)] string path, int flags, int mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial int OpenCharSetAnsi(string path, int flags, int mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Auto)]
            internal static partial int OpenCharSetAuto(string? path, int flags, int mode, bool? cloexec = null);

            // The parameter's LPStr wins over the declaration's Unicode, as in [DllImport]: a narrow path reaches open.
            [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Unicode)]
            internal static partial int OpenUnicodeWithLPStr([MarshalAs(UnmanagedType.LPStr)] string path, int flags, int mode, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial int OpenAtUtf16WithLPStr(int dirfd, [MarshalAs(UnmanagedType.LPStr)] string path, int flags, int mode, bool? cloexec = null);

            // A narrow mode string gets its 'e' edited as a UTF-8 one does.
            [CreatesDescriptor("libc", EntryPoint = "fopen", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial nint FOpenAnsi(string path, string mode, bool? cloexec = null);
        }
        """;

    public const string StringBuilders = """
        using System.Runtime.InteropServices;
        using System.Text;
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "mkstemp", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial int Mkstemp(StringBuilder template, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "mkostemp", SetLastError = true)]
            internal static partial int MkostempUtf8([MarshalAs(UnmanagedType.LPUTF8Str)] StringBuilder template, int flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "mkstemp", SetLastError = true)]
            internal static partial int MkstempInOnly([In, MarshalAs(UnmanagedType.LPStr)] StringBuilder template, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "openpty", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial int OpenPty(int* master, int* slave, [Out] StringBuilder name, void* termios, void* size, bool? cloexec = null);

            [CreatesDescriptor("libdemo", EntryPoint = "demo_open", CharSet = CharSet.Unicode, FlagsParameter = "flags", Flag = CloexecFlag.Open)]
            internal static partial int DemoOpenWide([In, Out] StringBuilder? path, [MarshalAs(UnmanagedType.LPTStr)] StringBuilder label, int flags, bool? cloexec = null);
        }
        """;

    public const string DllImportStyleBooleans = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static partial class Native
        {
            // CharSet says the declaration is [DllImport]'s: a bool without [MarshalAs] is a 4-byte BOOL there.
            [CreatesDescriptor("libdemo", EntryPoint = "demo_open", CharSet = CharSet.Ansi, FlagsParameter = "flags", Flag = CloexecFlag.Open)]
            internal static partial int DemoOpen(string path, bool readOnly, [MarshalAs(UnmanagedType.U1)] bool create, int flags, bool? cloexec = null);
        }
        """;

    public const string WindowsAnsiAndBoolResults = """
        using System.Runtime.InteropServices;
        using Cloexec;
        using Microsoft.Win32.SafeHandles;

        namespace Demo;

        internal static partial class Native
        {
            [CreatesDescriptor("kernel32", EntryPoint = "CreateFileA", SetLastError = true)]
            internal static partial SafeFileHandle CreateFileAnsi([MarshalAs(UnmanagedType.LPStr)] string name, uint access, uint share, nint securityAttributes, uint disposition, uint attributes, nint template, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateFileW", SetLastError = true, CharSet = CharSet.Unicode)]
            internal static partial SafeFileHandle CreateFile(string name, uint access, uint share, nint securityAttributes, uint disposition, uint attributes, nint template, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreatePipe", SetLastError = true, CharSet = CharSet.Auto)]
            internal static partial bool CreatePipe(out nint read, out nint write, nint securityAttributes, uint size, bool? cloexec = null);
        }
        """;

    public const string InOutArrays = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static partial class Native
        {
            [CreatesDescriptor("libc", EntryPoint = "pipe2", SetLastError = true)]
            internal static partial int Pipe2([In, Out] int[] fds, int flags, bool? cloexec = null);

            [CreatesDescriptor("libc", EntryPoint = "socketpair", SetLastError = true)]
            internal static partial int SocketPair(int domain, int type, int protocol, [Out, MarshalAs(UnmanagedType.LPArray, SizeConst = 2)] int[] sv, bool? cloexec = null);
        }
        """;
}
