using System.Runtime.InteropServices;
using static BindingStyles.Native.LibraryNames;

namespace BindingStyles.Native
{
    public unsafe static partial class LibC
    {
        [DllImport(libc, SetLastError = true)]
        public static extern int pipe(int* pipefd);

        [DllImport(libc, SetLastError = true)]
        public static extern int pipe2(int* pipefd, int flags);

        [DllImport(libc, SetLastError = true)]
        public static extern int dup(int oldfd);

        [DllImport(libc, SetLastError = true)]
        public static extern int dup2(int oldfd, int newfd);

        [DllImport(libc, SetLastError = true)]
        public static extern int dup3(int oldfd, int newfd, int flags);

        [DllImport(libc, SetLastError = true)]
        public static extern int mkstemp(byte* template);

        [DllImport(libc, SetLastError = true)]
        public static extern int mkostemp(byte* template, int flags);

        [DllImport(libc, SetLastError = true)]
        public static extern ssize_t write(int fd, void* buf, size_t count);
    }
}
