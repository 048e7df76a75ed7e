namespace Cloexec.Generators.Tests.Cases;

/// <summary>
/// Declarations as libc binding libraries write them, after the code fix: C typedefs as structs holding one integer
/// (mode_t as an argument with a default value and as the variadic argument of creat64's sibling open64, ssize_t as
/// recvmsg's return) and the library name a constant of another class brought in with <c>using static</c>.
/// </summary>
internal static class BindingStyleSources
{
    public const string TypedefStructs = """
        using System.Runtime.InteropServices;
        using Cloexec;
        using static Demo.LibraryNames;

        namespace Demo;

        internal static class LibraryNames
        {
            public const string libc = "libc.so.6";
        }

        public unsafe static partial class LibC
        {
            [CreatesDescriptor(libc, SetLastError = true)]
            public static partial int open(byte* pathname, int flags, mode_t mode = default(mode_t), bool? cloexec = null);

            [CreatesDescriptor(libc, SetLastError = true, EntryPoint = "creat64")]
            public static partial int creat(byte* pathname, mode_t mode, bool? cloexec = null);

            [CreatesDescriptor(libc, SetLastError = true)]
            public static partial ssize_t recvmsg(int socket, MsgHdr* msg, int flags, bool? cloexec = null);
        }

        public readonly struct mode_t
        {
            private readonly uint _bits;

            public mode_t(uint bits) => _bits = bits;

            public uint Bits => _bits;
        }

        public readonly struct ssize_t
        {
            private readonly nint _value;

            public ssize_t(nint value) => _value = value;

            public long Value => _value;
        }

        public unsafe struct MsgHdr
        {
            public void* msg_name;
            public uint msg_namelen;
            public void* msg_iov;
            public nuint msg_iovlen;
            public void* msg_control;
            public nuint msg_controllen;
            public int msg_flags;
        }
        """;
}
