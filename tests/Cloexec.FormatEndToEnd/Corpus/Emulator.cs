using System;
using System.Runtime.InteropServices;

// An emulator's memory blocks (the style of TASEmulators/BizHawk's POSIX imports): a public static class, glibc's
// soname, no SetLastError, a private raw mmap behind a public overload that takes an enum.
namespace BindingStyles.Corpus.Emulator
{
    public static class POSIXLibC
    {
        [Flags]
        public enum MemoryProtection
        {
            None = 0,
            Read = 1,
            Write = 2,
        }

        [DllImport("libc.so.6")]
        public static extern int close(int fd);

        [DllImport("libc.so.6")]
        public static extern int memfd_create(string name, uint flags);

        [DllImport("libc.so.6")]
        private static extern IntPtr mmap(IntPtr addr, UIntPtr length, int prot, int flags, int fd, IntPtr offset);

        public static IntPtr mmap(IntPtr addr, UIntPtr length, MemoryProtection prot, int flags, int fd, IntPtr offset) =>
            mmap(addr, length, (int)prot, flags, fd, offset);
    }
}
