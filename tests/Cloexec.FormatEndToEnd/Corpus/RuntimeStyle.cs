using System;
using System.Runtime.InteropServices;

using mode_t = System.Int32;

// The early corefx Interop layout (dotnet/corefx): nested static partial classes, a typedef as a 'using' alias after a
// blank line, enum flags next to the import, unsafe pointers, an EntryPoint alias, one parameter a line.
namespace BindingStyles.Corpus.RuntimeStyle
{
    internal static class Libraries
    {
        internal const string Libc = "libc";
    }

    internal static partial class Interop
    {
        internal static partial class libc
        {
            [Flags]
            internal enum OpenFlags
            {
                O_RDONLY = 0x0000,
                O_CREAT = 0x0040,
                O_RDWR = 0x0002,
            }

            [Flags]
            internal enum Pipe2Flags
            {
                O_NONBLOCK = 0x800,
            }

            [DllImport(Libraries.Libc, SetLastError = true)]
            internal static extern int open(string filename, OpenFlags flags, mode_t mode);

            [DllImport(Libraries.Libc, SetLastError = true)]
            internal static extern unsafe int pipe2(int* pipefd, Pipe2Flags flags);

            [DllImport(Libraries.Libc, SetLastError = true, EntryPoint = "mkstemps64")]
            internal static extern int mkstemps(
                byte[] template,
                int suffixlen);
        }
    }
}
