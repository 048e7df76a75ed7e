using System;
using System.Runtime.InteropServices;
using BindingStyles.Native;

namespace BindingStyles
{
    /// <summary>The base class that holds the library name, as the older POSIX bindings have it.</summary>
    public class Stdlib
    {
        protected const string LIBC = "libc";

        protected Stdlib()
        {
        }
    }

    /// <summary>
    /// Raw imports bound as <c>sys_NAME</c> with EntryPoint, enum flags and string paths (CharSet left to its default),
    /// in a sealed class that is not partial and derives from the class holding the library name.
    /// </summary>
    public sealed class Syscall : Stdlib
    {
        private Syscall()
        {
        }

        [DllImport(LIBC, SetLastError = true, EntryPoint = "open")]
        internal static extern int sys_open(string pathname, OpenFlags flags, uint mode);

        [DllImport(LIBC, SetLastError = true, EntryPoint = "eventfd")]
        internal static extern int sys_eventfd(uint initval, int flags);

        [DllImport(LIBC, SetLastError = true, EntryPoint = "epoll_create1")]
        internal static extern int sys_epoll_create1(int flags);

        [DllImport(LIBC, SetLastError = true, EntryPoint = "inotify_init1")]
        internal static extern int sys_inotify_init1(int flags);

        [DllImport(LIBC, SetLastError = true, EntryPoint = "memfd_create")]
        internal static extern int sys_memfd_create(string name, uint flags);

        [DllImport(LIBC, SetLastError = true, EntryPoint = "timerfd_create")]
        internal static extern int sys_timerfd_create(int clockid, int flags);

        /// <summary>The public face over the raw call, which keeps compiling when the raw call gains a parameter.</summary>
        public static int open(string pathname, OpenFlags flags) => sys_open(pathname, flags, 0);

        public static Exception LastError(string call) => new InvalidOperationException(call + " failed: errno " + Marshal.GetLastPInvokeError());
    }
}
