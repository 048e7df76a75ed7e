using System.Runtime.InteropServices;

namespace BindingStyles.Native
{
    /// <summary>
    /// The large-file entry points under the names of their 32-bit-offset siblings, as bindings that select them per
    /// target declare them: EntryPoint aliases, library "c", in a class that is neither partial nor unsafe.
    /// </summary>
    public static class LargeFile
    {
        private const string LibraryName = "c";

        [DllImport(LibraryName, EntryPoint = "open64", SetLastError = true)]
        public static extern unsafe int open(byte* pathname, int flags, mode_t mode = default(mode_t));

        [DllImport(LibraryName, EntryPoint = "openat64", SetLastError = true)]
        public static extern unsafe int openat(int dirfd, byte* pathname, int flags, mode_t mode = default(mode_t));

        [DllImport(LibraryName, EntryPoint = "creat64", SetLastError = true)]
        public static extern unsafe int creat(byte* pathname, mode_t mode);
    }
}
