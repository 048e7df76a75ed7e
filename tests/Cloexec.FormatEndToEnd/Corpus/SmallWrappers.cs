using System.Runtime.InteropServices;

// A small "libc for C#" helper (the style of massoudasadi/LibcSharp): a public static class, a private library
// constant, no SetLastError, nothing else.
namespace BindingStyles.Corpus.SmallWrappers
{
    public static class Libc
    {
        private const string LibCPath = "libc";

        [DllImport(LibCPath)]
        public static extern int dup(int fd);

        [DllImport(LibCPath)]
        public static extern int getpid();
    }
}
