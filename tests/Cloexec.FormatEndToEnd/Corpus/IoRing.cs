using System.Runtime.InteropServices;

// An io_uring transport (the style of tkp1n/IoUring): a public non-static class holding the flags as constants and
// the import, glibc's soname.
namespace BindingStyles.Corpus.IoRing
{
    public class EventFd
    {
        public const int EFD_SEMAPHORE = 1;
        public const int EFD_NONBLOCK = 2048;

        [DllImport("libc.so.6", SetLastError = true)]
        public static extern int eventfd(int initval, int flags);
    }
}
