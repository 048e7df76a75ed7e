using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Cloexec.Platform;

/// <summary>
/// The CRT calls the runtime makes for CRT descriptors (the <c>int</c> of _open, _pipe, _dup). Descriptors are
/// per CRT: these are ucrtbase's, the CRT of every supported Windows; an msvcrt.dll descriptor means nothing here.
/// </summary>
internal static unsafe class Ucrt
{
    private const string Library = "ucrtbase";

    /// <summary>The handle behind <paramref name="fd"/>, or -1 when it has none (without ending the process).</summary>
    internal static nint GetOsHandle(int fd)
    {
        // The CRT answers a bad descriptor by calling the invalid parameter handler, whose default ends the
        // process: install a handler that returns, for this thread and this call only.
        delegate* unmanaged<char*, char*, char*, uint, nuint, void> previous = SetThreadLocalInvalidParameterHandler(&IgnoreInvalidParameter);
        try
        {
            return GetOsfHandle(fd);
        }
        finally
        {
            _ = SetThreadLocalInvalidParameterHandler(previous);
        }
    }

    [DllImport(Library, EntryPoint = "_close", ExactSpelling = true)]
    internal static extern int Close(int fd);

    [DllImport(Library, EntryPoint = "_get_osfhandle", ExactSpelling = true)]
    private static extern nint GetOsfHandle(int fd);

    [DllImport(Library, EntryPoint = "_set_thread_local_invalid_parameter_handler", ExactSpelling = true)]
    private static extern delegate* unmanaged<char*, char*, char*, uint, nuint, void> SetThreadLocalInvalidParameterHandler(
        delegate* unmanaged<char*, char*, char*, uint, nuint, void> handler);

    [UnmanagedCallersOnly]
    [SkipLocalsInit]
    private static void IgnoreInvalidParameter(char* expression, char* function, char* file, uint line, nuint reserved)
    {
    }
}
