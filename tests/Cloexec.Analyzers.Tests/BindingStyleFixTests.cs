using System.Threading.Tasks;
using Cloexec.Analyzers.Tests.Infrastructure;
using Cloexec.CodeFixes;
using Xunit;

namespace Cloexec.Analyzers.Tests;

/// <summary>
/// Declarations written the way published libc bindings write theirs (see tests/Cloexec.FormatEndToEnd, which runs the
/// same styles through `dotnet format` and at run time): each is reported, and the fix keeps what the style relies on.
/// </summary>
public sealed class BindingStyleFixTests
{
    private const string Types = """
        namespace Bindings
        {
            internal static class LibraryNames
            {
                internal const string libc = "libc.so.6";
            }

            public readonly struct mode_t
            {
                private readonly uint _bits;
            }

            public readonly struct ssize_t
            {
                private readonly nint _value;
            }

            public struct msghdr
            {
            }
        }
        """;

    [Fact]
    public Task Using_static_library_name_typedef_structs_and_default_values_are_kept() =>
        Verify<RawDeclarationAnalyzer>.CodeFixAsync<ToCreatesDescriptorCodeFix>(
            """
            using System.Runtime.InteropServices;
            using static Bindings.LibraryNames;

            namespace Bindings
            {
                public unsafe static partial class LibC
                {
                    [DllImport(libc, SetLastError = true)]
                    public static extern int {|CLOEXEC0200:open|}(byte* pathname, int flags, mode_t mode = default(mode_t));

                    [DllImport(libc, SetLastError = true)]
                    public static extern ssize_t {|CLOEXEC0200:recvmsg|}(int socket, msghdr* msg, int flags);

                    [DllImport(libc, SetLastError = true)]
                    public static extern int fcntl(int fd, int cmd);

                    [DllImport(libc, SetLastError = true)]
                    public static extern int fcntl(int fd, int cmd, int arg);
                }
            }
            """,
            """
            using System.Runtime.InteropServices;
            using Cloexec;
            using static Bindings.LibraryNames;

            namespace Bindings
            {
                public unsafe static partial class LibC
                {
                    [CreatesDescriptor(libc, SetLastError = true)]
                    public static partial int open(byte* pathname, int flags, mode_t mode = default(mode_t), bool? cloexec = null);

                    [CreatesDescriptor(libc, SetLastError = true)]
                    public static partial ssize_t recvmsg(int socket, msghdr* msg, int flags, bool? cloexec = null);

                    [DllImport(libc, SetLastError = true)]
                    public static extern int fcntl(int fd, int cmd);

                    [DllImport(libc, SetLastError = true)]
                    public static extern int fcntl(int fd, int cmd, int arg);
                }
            }
            """,
            Types);

    [Fact]
    public Task EntryPoint_aliases_in_a_sealed_derived_class_and_nested_classes_make_every_type_partial() =>
        Verify<RawDeclarationAnalyzer>.CodeFixAsync<ToCreatesDescriptorCodeFix>(
            """
            using System.Runtime.InteropServices;

            namespace Bindings
            {
                public class Stdlib
                {
                    protected const string LIBC = "c";
                }

                public sealed class Syscall : Stdlib
                {
                    [DllImport(LIBC, SetLastError = true, EntryPoint = "open64")]
                    internal static extern int {|CLOEXEC0200:sys_open|}(string pathname, int flags, uint mode);

                    internal static class LargeFile
                    {
                        [DllImport("libc", EntryPoint = "creat64", SetLastError = true)]
                        public static extern unsafe int {|CLOEXEC0200:creat|}(byte* pathname, mode_t mode);
                    }
                }
            }
            """,
            """
            using System.Runtime.InteropServices;
            using Cloexec;

            namespace Bindings
            {
                public class Stdlib
                {
                    protected const string LIBC = "c";
                }

                public sealed partial class Syscall : Stdlib
                {
                    [CreatesDescriptor(LIBC, SetLastError = true, EntryPoint = "open64", StringMarshalling = StringMarshalling.Utf8)]
                    internal static partial int sys_open(string pathname, int flags, uint mode, bool? cloexec = null);

                    internal static partial class LargeFile
                    {
                        [CreatesDescriptor("libc", EntryPoint = "creat64", SetLastError = true)]
                        public static unsafe partial int creat(byte* pathname, mode_t mode, bool? cloexec = null);
                    }
                }
            }
            """,
            Types);
}
