using System.Runtime.InteropServices;

// Device libraries (the style of dotnet/iot and Duet3D/DuetSoftwareFramework): one 'internal partial class Interop'
// spread over a file per function, the library a constant of another part, paths as [MarshalAs(LPStr)] strings.
namespace BindingStyles.Corpus.Devices
{
    internal partial class Interop
    {
        private const string LibcLibrary = "libc";
    }

    internal partial class Interop
    {
        [DllImport(LibcLibrary, SetLastError = true)]
        internal static extern int open([MarshalAs(UnmanagedType.LPStr)] string pathname, FileOpenFlags flags);
    }

    internal enum FileOpenFlags
    {
        O_RDONLY = 0x00,
        O_RDWR = 0x02,
        O_NONBLOCK = 0x800,
    }
}
