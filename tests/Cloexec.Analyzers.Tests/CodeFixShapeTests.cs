using System.Threading.Tasks;
using Cloexec.Analyzers.Tests.Infrastructure;
using Cloexec.CodeFixes;
using Xunit;

namespace Cloexec.Analyzers.Tests;

/// <summary>
/// The text the fix writes for each shape of declaration: the Wraps form where the generator does not marshal the
/// signature, exact signatures where something depends on them, explicit accessibility, and the file's own layout.
/// FeatureSpaceTests compiles and runs all of these; here the text itself is pinned.
/// </summary>
public sealed class CodeFixShapeTests
{
    [Fact]
    public Task An_LPStr_path_is_written_direct_and_its_LPStr_still_wins_over_CharSet_Unicode() =>
        Verify<RawDeclarationAnalyzer>.CodeFixAsync<ToCreatesDescriptorCodeFix>(
            """
            using System.Runtime.InteropServices;

            internal partial class Interop
            {
                /// <summary>Opens a device.</summary>
                [DllImport("libc", CharSet = CharSet.Unicode, SetLastError = true)]
                internal static extern int {|CLOEXEC0200:open|}([MarshalAs(UnmanagedType.LPStr)] string pathname, int flags);
            }
            """,
            """
            using System.Runtime.InteropServices;
            using Cloexec;

            internal partial class Interop
            {
                /// <summary>Opens a device.</summary>
                [CreatesDescriptor("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
                internal static partial int open([MarshalAs(UnmanagedType.LPStr)] string pathname, int flags, bool? cloexec = null);
            }
            """);

    [Fact]
    public Task A_custom_marshaled_path_keeps_its_import_behind_a_Wraps_method() =>
        Verify<RawDeclarationAnalyzer>.CodeFixAsync<ToCreatesDescriptorCodeFix>(
            """
            using System.Runtime.InteropServices;

            internal partial class Interop
            {
                /// <summary>Opens a device.</summary>
                [DllImport("libc", SetLastError = true)]
                internal static extern int {|CLOEXEC0200:open|}([MarshalAs(UnmanagedType.CustomMarshaler, MarshalTypeRef = typeof(PathMarshaler))] string pathname, int flags);
            }
            """,
            """
            using System.Runtime.InteropServices;
            using Cloexec;

            internal partial class Interop
            {
                /// <summary>Opens a device.</summary>
                [CreatesDescriptor(Wraps = nameof(RawOpen))]
                internal static partial int open(string pathname, int flags, bool? cloexec = null);

                [DllImport("libc", SetLastError = true, EntryPoint = "open")]
                private static extern int RawOpen([MarshalAs(UnmanagedType.CustomMarshaler, MarshalTypeRef = typeof(PathMarshaler))] string pathname, int flags);
            }
            """,
            """
            internal sealed class PathMarshaler
            {
            }
            """);

    [Fact]
    public Task A_layout_class_SECURITY_ATTRIBUTES_is_wrapped_the_raw_import_naming_the_W_function_it_binds() =>
        Verify<RawDeclarationAnalyzer>.CodeFixAsync<ToCreatesDescriptorCodeFix>(
            """
            using System;
            using System.Runtime.InteropServices;

            [StructLayout(LayoutKind.Sequential)]
            public class SECURITY_ATTRIBUTES
            {
                public int nLength;
                public IntPtr lpSecurityDescriptor;
                public int bInheritHandle;
            }

            public static class Kernel32
            {
                [DllImport("kernel32.dll", SetLastError = true, CharSet = CharSet.Auto)]
                public static extern IntPtr {|CLOEXEC0202:CreateEvent|}([In, Optional] SECURITY_ATTRIBUTES lpEventAttributes, bool bManualReset, bool bInitialState, [In] string lpName);

                [DllImport("kernel32.dll", SetLastError = true)]
                public static extern bool {|CLOEXEC0202:CreatePipe|}(out IntPtr hReadPipe, out IntPtr hWritePipe, IntPtr lpPipeAttributes, int nSize);
            }
            """,
            """
            using System;
            using System.Runtime.InteropServices;
            using Cloexec;

            [StructLayout(LayoutKind.Sequential)]
            public class SECURITY_ATTRIBUTES
            {
                public int nLength;
                public IntPtr lpSecurityDescriptor;
                public int bInheritHandle;
            }

            public static partial class Kernel32
            {
                [CreatesDescriptor(Wraps = nameof(RawCreateEvent))]
                public static partial IntPtr CreateEvent([Optional] SECURITY_ATTRIBUTES lpEventAttributes, bool bManualReset, bool bInitialState, string lpName, bool? cloexec = null);

                [DllImport("kernel32.dll", SetLastError = true, CharSet = CharSet.Auto, EntryPoint = "CreateEventW")]
                private static extern IntPtr RawCreateEvent([In, Optional] SECURITY_ATTRIBUTES lpEventAttributes, bool bManualReset, bool bInitialState, [In] string lpName);

                [CreatesDescriptor("kernel32.dll", SetLastError = true)]
                [return: MarshalAs(UnmanagedType.Bool)]
                public static partial bool CreatePipe(out IntPtr hReadPipe, out IntPtr hWritePipe, IntPtr lpPipeAttributes, int nSize, bool? cloexec = null);
            }
            """);

    [Fact]
    public Task An_omitted_accessibility_is_written_private_and_a_StringBuilder_is_written_direct() =>
        Verify<RawDeclarationAnalyzer>.CodeFixAsync<ToCreatesDescriptorCodeFix>(
            """
            using System.Runtime.InteropServices;
            using System.Text;

            internal class TempFiles
            {
                [DllImport("libc", SetLastError = true)]
                static extern int {|CLOEXEC0200:mkstemp|}(StringBuilder template);

                [DllImport("libc", EntryPoint = "socket", SetLastError = true)]
                static extern int {|CLOEXEC0200:sys_socket|}(int domain, int type, int protocol);
            }
            """,
            """
            using System.Runtime.InteropServices;
            using System.Text;
            using Cloexec;

            internal partial class TempFiles
            {
                [CreatesDescriptor("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
                private static partial int mkstemp(StringBuilder template, bool? cloexec = null);

                [CreatesDescriptor("libc", EntryPoint = "socket", SetLastError = true)]
                private static partial int sys_socket(int domain, int type, int protocol, bool? cloexec = null);
            }
            """);

    [Fact]
    public Task Interface_implementations_keep_their_signature_and_an_explicit_one_calls_a_private_partial() =>
        Verify<RawDeclarationAnalyzer>.CodeFixAsync<ToCreatesDescriptorCodeFix>(
            """
            using System.Runtime.InteropServices;

            internal interface IArch
            {
                static abstract int epoll_create1(int flags);
                static abstract int socket(int domain, int type, int protocol);
            }

            internal sealed class Linux : IArch
            {
                [DllImport("libc", SetLastError = true)]
                public static extern int {|CLOEXEC0200:epoll_create1|}(int flags);

                [DllImport("libc", EntryPoint = "socket", SetLastError = true)]
                static extern int IArch.{|CLOEXEC0200:socket|}(int domain, int type, int protocol);
            }
            """,
            """
            using System.Runtime.InteropServices;
            using Cloexec;

            internal interface IArch
            {
                static abstract int epoll_create1(int flags);
                static abstract int socket(int domain, int type, int protocol);
            }

            internal sealed partial class Linux : IArch
            {
                [CreatesDescriptor("libc", SetLastError = true)]
                public static partial int epoll_create1(int flags);

                static int IArch.socket(int domain, int type, int protocol) => socket(domain, type, protocol);

                [CreatesDescriptor("libc", EntryPoint = "socket", SetLastError = true)]
                private static partial int socket(int domain, int type, int protocol);
            }
            """);

    [Fact]
    public Task A_method_used_as_a_delegate_keeps_its_signature() =>
        Verify<RawDeclarationAnalyzer>.CodeFixAsync<ToCreatesDescriptorCodeFix>(
            """
            using System;
            using System.Runtime.InteropServices;

            internal static class Native
            {
                [DllImport("libc", SetLastError = true)]
                internal static extern int {|CLOEXEC0200:dup|}(int fd);

                internal static readonly Func<int, int> Dup = dup;

                internal static int Twice(int fd) => dup(dup(fd));
            }
            """,
            """
            using System;
            using System.Runtime.InteropServices;
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("libc", SetLastError = true)]
                internal static partial int dup(int fd);

                internal static readonly Func<int, int> Dup = dup;

                internal static int Twice(int fd) => dup(dup(fd));
            }
            """);

    [Fact]
    public Task One_parameter_a_line_comments_regions_and_a_blank_line_before_an_alias_survive() =>
        Verify<RawDeclarationAnalyzer>.CodeFixAsync<ToCreatesDescriptorCodeFix>(
            """
            using System.Runtime.InteropServices;

            using mode_t = System.Int32;

            internal static class Native
            {
            #if LINUX || !LINUX
                // Creates the file.
                [DllImport("libc", SetLastError = true, CallingConvention = CallingConvention.Cdecl)]
                internal static extern int {|CLOEXEC0200:open|}(
                    byte[] path,
                    int flags,
                    mode_t mode);
            #endif
            }
            """,
            """
            using System.Runtime.InteropServices;
            using Cloexec;

            using mode_t = System.Int32;

            internal static partial class Native
            {
            #if LINUX || !LINUX
                // Creates the file.
                [CreatesDescriptor("libc", SetLastError = true)]
                internal static partial int open(
                    byte[] path,
                    int flags,
                    mode_t mode,
                    bool? cloexec = null);
            #endif
            }
            """);
}
