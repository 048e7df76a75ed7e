using System.Runtime.InteropServices;
using static BindingStyles.Corpus.Launcher.Libraries;

// A subprocess launcher (the style of vandycknick/btrexec and asmichi/ChildProcess): the library brought in with
// 'using static', public raw imports of pipe2 and dup2 in an internal static partial class, flags as constants.
namespace BindingStyles.Corpus.Launcher
{
    internal static class Libraries
    {
        internal const string libc = "libc";
    }

    internal static partial class Libc
    {
        public const int O_NONBLOCK = 0x800;

        [DllImport(libc, SetLastError = true)]
        public static extern int pipe2(int[] fds, int flags);

        [DllImport(libc, SetLastError = true)]
        public static extern int dup2(int oldfd, int newfd);
    }
}
