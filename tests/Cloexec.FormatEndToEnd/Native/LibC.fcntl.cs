using System.Runtime.InteropServices;
using static BindingStyles.Native.LibraryNames;

namespace BindingStyles.Native
{
    // One part of a partial class spread over several files, each with its own usings: paths are byte*, modes are
    // mode_t with a default value, and fcntl has one overload per kind of third argument.
    public unsafe static partial class LibC
    {
        public const int F_GETFD = 1;
        public const int FD_CLOEXEC = 1;
        public const int AT_FDCWD = -100;

        [DllImport(libc, SetLastError = true)]
        public static extern int open(byte* pathname, int flags, mode_t mode = default(mode_t));

        [DllImport(libc, SetLastError = true)]
        public static extern int openat(int dirfd, byte* pathname, int flags, mode_t mode = default(mode_t));

        [DllImport(libc, SetLastError = true)]
        public static extern int creat(byte* pathname, mode_t mode);

        [DllImport(libc, SetLastError = true)]
        public static extern int fcntl(int fd, int cmd);

        [DllImport(libc, SetLastError = true)]
        public static extern int fcntl(int fd, int cmd, int arg);

        [DllImport(libc, SetLastError = true)]
        public static extern int fcntl(int fd, int cmd, void* arg);

        [DllImport(libc, SetLastError = true)]
        public static extern int close(int fd);

        [DllImport(libc, SetLastError = true)]
        public static extern int unlink(byte* pathname);

        [DllImport(libc, SetLastError = true)]
        public static extern int name_to_handle_at(int dirfd, byte* pathname, file_handle* handle, int* mount_id, int flags);

        [DllImport(libc, SetLastError = true)]
        public static extern int open_by_handle_at(int mount_fd, file_handle* handle, int flags);
    }
}
