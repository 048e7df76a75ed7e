using System;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

// A video capture library (the style of V4L2 wrappers): the platform on the class, a private library constant,
// [LibraryImport] with XML documentation and UTF-8 strings, flags as an enum.
namespace BindingStyles.Corpus.Video
{
    [Flags]
    public enum OpenFlags
    {
        O_RDONLY = 0,
        O_RDWR = 2,
        O_NONBLOCK = 0x800,
    }

    [SupportedOSPlatform("linux")]
    public static partial class Libc
    {
        private const string LibraryName = "libc";

        /// <summary>
        /// Opens the device node at <paramref name="pathname"/>.
        /// </summary>
        /// <param name="pathname">The path of the device.</param>
        /// <param name="flags">How to open it.</param>
        /// <returns>A file descriptor, or -1 with errno set.</returns>
        [LibraryImport(LibraryName, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int open(string pathname, OpenFlags flags);
    }
}
