using System.Runtime.InteropServices;
using BindingStyles.Native;

namespace BindingStyles
{
    /// <summary>One class per library nested in an Interop class, PascalCase methods with EntryPoint, neither type partial.</summary>
    internal static class Interop
    {
        internal static class Libc
        {
            [DllImport(Libraries.Libc, EntryPoint = "signalfd", SetLastError = true)]
            internal static extern unsafe int SignalFd(int fd, ulong* mask, int flags);

            [DllImport(Libraries.Libc, EntryPoint = "epoll_create", SetLastError = true)]
            internal static extern int EPollCreate(int size);

            [DllImport(Libraries.Libc, EntryPoint = "inotify_init", SetLastError = true)]
            internal static extern int INotifyInit();

            [DllImport(Libraries.Libc, EntryPoint = "posix_openpt", SetLastError = true)]
            internal static extern int PosixOpenPt(OpenFlags flags);
        }
    }

    /// <summary>The [LibraryImport] style: a partial class with its own library constant and string marshalling.</summary>
    internal static partial class Modern
    {
        private const string LibraryName = "libc";

        [LibraryImport(LibraryName, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int Open(string pathname, OpenFlags flags);

        [LibraryImport(LibraryName, EntryPoint = "socket", SetLastError = true)]
        internal static partial int Socket(int domain, int type, int protocol);
    }
}
