using System;
using System.Runtime.InteropServices;
using static BindingStyles.Corpus.Terminal.PtyLibraries;

// A terminal server's pty helpers (the style of web terminals such as vandycknick/webtty): libutil under glibc's
// soname, 'extern static' in that order, descriptors through 'out int', a struct by 'ref'.
namespace BindingStyles.Corpus.Terminal
{
    internal static class PtyLibraries
    {
        internal const string libutil = "libutil.so.1";
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct winsize
    {
        public ushort ws_row;
        public ushort ws_col;
        public ushort ws_xpixel;
        public ushort ws_ypixel;
    }

    internal static partial class Pty
    {
        [DllImport(libutil, SetLastError = true)]
        internal extern static int openpty(out int master, out int slave, IntPtr name, IntPtr termios, ref winsize winp);

        // Makes fd the caller's controlling terminal and standard streams, which children are meant to inherit: not reported.
        [DllImport(libutil, SetLastError = true)]
        internal extern static int login_tty(int fd);
    }
}
