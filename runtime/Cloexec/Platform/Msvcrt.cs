using System.Runtime.InteropServices;

namespace Cloexec.Platform;

/// <summary>
/// The msvcrt.dll calls the runtime makes for descriptors that msvcrt.dll made (declarations from <c>msvcrt</c>):
/// its descriptor table is not ucrtbase's (see <c>Cloexec.Interop.CrtLibrary</c>).
/// </summary>
/// <remarks>
/// Unlike ucrtbase, msvcrt.dll cannot be relied on to export a way to silence its invalid parameter handler (Wine's
/// has none; MinGW-w64 supplies <c>_set_invalid_parameter_handler</c> itself in libmsvcrt-os.a). None is needed:
/// these are only ever called on a descriptor msvcrt.dll has just returned, which is valid.
/// </remarks>
internal static class Msvcrt
{
    private const string Library = "msvcrt";

    [DllImport(Library, EntryPoint = "_get_osfhandle", ExactSpelling = true)]
    internal static extern nint GetOsHandle(int fd);

    [DllImport(Library, EntryPoint = "_close", ExactSpelling = true)]
    internal static extern int Close(int fd);
}
