using System.Runtime.InteropServices;
using static BindingStyles.Native.LibraryNames;

namespace BindingStyles.Native
{
    public unsafe static partial class LibC
    {
        public const int AF_UNIX = 1;
        public const int SOCK_STREAM = 1;
        public const int SOCK_DGRAM = 2;
        public const int SOL_SOCKET = 1;
        public const int SCM_RIGHTS = 1;

        [DllImport(libc, SetLastError = true)]
        public static extern int socket(int domain, int type, int protocol);

        [DllImport(libc, SetLastError = true)]
        public static extern int socketpair(int domain, int type, int protocol, int* sv);

        [DllImport(libc, SetLastError = true)]
        public static extern int bind(int socket, void* address, socklen_t address_len);

        [DllImport(libc, SetLastError = true)]
        public static extern int listen(int socket, int backlog);

        [DllImport(libc, SetLastError = true)]
        public static extern int connect(int socket, void* address, socklen_t address_len);

        [DllImport(libc, SetLastError = true)]
        public static extern int accept(int socket, void* address, socklen_t* address_len);

        [DllImport(libc, SetLastError = true)]
        public static extern int accept4(int socket, void* address, socklen_t* address_len, int flags);

        [DllImport(libc, SetLastError = true)]
        public static extern ssize_t sendmsg(int socket, msghdr* msg, int flags);

        [DllImport(libc, SetLastError = true)]
        public static extern ssize_t recvmsg(int socket, msghdr* msg, int flags);

        [DllImport(libc, SetLastError = true)]
        public static extern int recvmmsg(int socket, mmsghdr* msgvec, uint vlen, int flags, timespec* timeout);
    }
}
