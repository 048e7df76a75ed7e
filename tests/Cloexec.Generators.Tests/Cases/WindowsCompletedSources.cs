namespace Cloexec.Generators.Tests.Cases;

/// <summary>
/// Windows declarations as the usual bindings write them (pinvoke.net, CsWin32-style BOOL as bool), and CRT functions
/// from msvcrt.dll, whose descriptors the runtime must handle with msvcrt's own functions.
/// </summary>
internal static class WindowsCompletedSources
{
    public const string BoolResultsAndMsvcrt = """
        using System;
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
            [return: MarshalAs(UnmanagedType.Bool)]
            internal static partial bool CreatePipe(out nint read, out nint write, nint securityAttributes, uint size, bool? cloexec = null);

            [CreatesDescriptor("kernel32.dll", SetLastError = true)]
            [return: MarshalAs(UnmanagedType.Bool)]
            internal static partial bool DuplicateHandle(nint sourceProcess, nint source, nint targetProcess, out nint target, uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, uint options, bool? cloexec = null);

            [LibraryImport("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
            [return: MarshalAs(UnmanagedType.Bool)]
            private static partial bool RawCreatePipe(out nint read, out nint write, nint securityAttributes, uint size);

            [CreatesDescriptor(Wraps = nameof(RawCreatePipe))]
            [return: MarshalAs(UnmanagedType.Bool)]
            internal static partial bool CreatePipeOverRaw(out nint read, out nint write, nint securityAttributes, uint size, bool? cloexec = null);

            [CreatesDescriptor("msvcrt", EntryPoint = "_dup", SetLastError = true)]
            internal static partial int Dup(int fd, bool? cloexec = null);

            [CreatesDescriptor("MSVCRT.DLL", EntryPoint = "_pipe", SetLastError = true)]
            internal static partial int Pipe(Span<int> fds, uint size, int textMode, bool? cloexec = null);

            [CreatesDescriptor("msvcrt", EntryPoint = "_wopen", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial int Open(string path, int flags, int mode, bool? cloexec = null);
        }

        // LibraryImportGenerator's part, stood in for by hand: the tests run only this generator.
        internal static partial class Native
        {
            private static partial bool RawCreatePipe(out nint read, out nint write, nint securityAttributes, uint size) => throw new NotImplementedException();
        }
        """;

    /// <summary>Kernel objects created with a SECURITY_ATTRIBUTES*, one of them inside CreateFile2's parameter struct.</summary>
    public const string KernelObjects = """
        using System.Runtime.InteropServices;
        using Cloexec;
        using Microsoft.Win32.SafeHandles;

        namespace Demo;

        [StructLayout(LayoutKind.Sequential)]
        internal struct SECURITY_ATTRIBUTES
        {
            public int nLength;
            public nint lpSecurityDescriptor;
            public int bInheritHandle;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct CREATEFILE2_EXTENDED_PARAMETERS
        {
            public uint dwSize;
            public uint dwFileAttributes;
            public uint dwFileFlags;
            public uint dwSecurityQosFlags;
            public SECURITY_ATTRIBUTES* lpSecurityAttributes;
            public nint hTemplateFile;
        }

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("kernel32", EntryPoint = "CreateNamedPipeW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial nint CreateNamedPipe(string name, uint openMode, uint pipeMode, uint maxInstances, uint outSize, uint inSize, uint timeout, SECURITY_ATTRIBUTES* securityAttributes, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateNamedPipeA", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
            internal static partial SafeFileHandle CreateNamedPipeAnsi(string name, uint openMode, uint pipeMode, uint maxInstances, uint outSize, uint inSize, uint timeout, nint securityAttributes, bool? cloexec = null);

            [CreatesDescriptor("api-ms-win-core-file-l1-2-0", EntryPoint = "CreateFile2", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial nint CreateFile2(string name, uint access, uint share, uint disposition, CREATEFILE2_EXTENDED_PARAMETERS* parameters, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateFile2", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial SafeFileHandle CreateFile2ByRef(string name, uint access, uint share, uint disposition, in CREATEFILE2_EXTENDED_PARAMETERS parameters, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateFileMappingW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial nint CreateFileMapping(nint file, SECURITY_ATTRIBUTES* attributes, uint protect, uint sizeHigh, uint sizeLow, string? name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateFileMappingA", SetLastError = true)]
            internal static partial nint CreateFileMappingAnsi(nint file, nint attributes, uint protect, uint sizeHigh, uint sizeLow, byte* name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateEventW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial SafeWaitHandle CreateEvent(SECURITY_ATTRIBUTES* attributes, [MarshalAs(UnmanagedType.Bool)] bool manualReset, [MarshalAs(UnmanagedType.Bool)] bool initialState, string? name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateEventExW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial nint CreateEventEx(ref SECURITY_ATTRIBUTES attributes, string? name, uint flags, uint access, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateMutexW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial nint CreateMutex(nint attributes, int initialOwner, string? name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateMutexExW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial nint CreateMutexEx(nint attributes, string? name, uint flags, uint access, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateSemaphoreW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial nint CreateSemaphore(nint attributes, int initialCount, int maximumCount, string? name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateSemaphoreExW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial nint CreateSemaphoreEx(nint attributes, int initialCount, int maximumCount, string? name, uint flags, uint access, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateWaitableTimerW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial nint CreateWaitableTimer(nint attributes, int manualReset, string? name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateWaitableTimerExW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial nint CreateWaitableTimerEx(nint attributes, string? name, uint flags, uint access, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateJobObjectW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial nint CreateJobObject(nint attributes, string? name, bool? cloexec = null);
        }
        """;

    /// <summary>The Open* functions, whose BOOL bInheritHandle is declared as bool, int and uint.</summary>
    public const string OpenFunctions = """
        using System;
        using System.Runtime.InteropServices;
        using Cloexec;
        using Microsoft.Win32.SafeHandles;

        namespace Demo;

        internal static partial class Native
        {
            [CreatesDescriptor("kernel32", SetLastError = true)]
            internal static partial nint OpenProcess(uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, uint processId, bool? cloexec = null);

            [CreatesDescriptor("kernel32", SetLastError = true)]
            internal static partial nint OpenThread(uint access, int inherit, uint threadId, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "OpenEventW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial SafeWaitHandle OpenEvent(uint access, uint inherit, string name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "OpenMutexW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial nint OpenMutex(uint access, int inherit, string name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "OpenSemaphoreW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial nint OpenSemaphore(uint access, int inherit, string name, bool? cloexec = null);

            [LibraryImport("kernel32", EntryPoint = "OpenFileMappingW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            private static partial SafeFileHandle RawOpenFileMapping(uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, string name);

            [CreatesDescriptor(Wraps = nameof(RawOpenFileMapping))]
            internal static partial SafeFileHandle OpenFileMapping(uint access, bool inherit, string name, bool? cloexec = null);
        }

        // LibraryImportGenerator's part, stood in for by hand: the tests run only this generator.
        internal static partial class Native
        {
            private static partial SafeFileHandle RawOpenFileMapping(uint access, bool inherit, string name) => throw new NotImplementedException();
        }
        """;

    /// <summary>
    /// The ANSI twins of the kernel-object creators, declared as the code fix converts a CharSet-less declaration, and
    /// the Open* functions of jobs and timers.
    /// </summary>
    public const string AnsiTwins = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static partial class Native
        {
            [CreatesDescriptor("kernel32", EntryPoint = "CreateEventA", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial nint CreateEventAnsi(nint attributes, int manualReset, int initialState, string? name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateEventExA", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial nint CreateEventExAnsi(nint attributes, string? name, uint flags, uint access, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateMutexA", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial nint CreateMutexAnsi(nint attributes, int initialOwner, string? name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateMutexExA", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial nint CreateMutexExAnsi(nint attributes, string? name, uint flags, uint access, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateSemaphoreA", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial nint CreateSemaphoreAnsi(nint attributes, int initial, int maximum, string? name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateSemaphoreExA", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial nint CreateSemaphoreExAnsi(nint attributes, int initial, int maximum, string? name, uint flags, uint access, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateWaitableTimerA", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial nint CreateWaitableTimerAnsi(nint attributes, int manualReset, string? name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateWaitableTimerExA", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial nint CreateWaitableTimerExAnsi(nint attributes, string? name, uint flags, uint access, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "CreateJobObjectA", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial nint CreateJobObjectAnsi(nint attributes, string? name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "OpenEventA", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial nint OpenEventAnsi(uint access, int inherit, string name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "OpenMutexA", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial nint OpenMutexAnsi(uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, string name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "OpenSemaphoreA", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial nint OpenSemaphoreAnsi(uint access, int inherit, string name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "OpenFileMappingA", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial nint OpenFileMappingAnsi(uint access, uint inherit, string name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "OpenJobObjectA", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial nint OpenJobObjectAnsi(uint access, int inherit, string name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "OpenWaitableTimerA", SetLastError = true, CharSet = CharSet.Ansi)]
            internal static partial nint OpenWaitableTimerAnsi(uint access, int inherit, string name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "OpenJobObjectW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial nint OpenJobObject(uint access, int inherit, string name, bool? cloexec = null);

            [CreatesDescriptor("kernel32", EntryPoint = "OpenWaitableTimerW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial nint OpenWaitableTimer(uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, string name, bool? cloexec = null);
        }
        """;

    /// <summary>_sopen_s and _wsopen_s: the descriptor through an int*, from ucrtbase and from msvcrt.</summary>
    public const string SecureCrtOpen = """
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("ucrtbase", EntryPoint = "_wsopen_s", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial int SecureOpen(out int fd, string path, int flags, int share, int mode, bool? cloexec = null);

            [CreatesDescriptor("api-ms-win-crt-stdio-l1-1-0", EntryPoint = "_sopen_s", SetLastError = true)]
            internal static partial int SecureOpenAnsi(int* fd, byte* path, int flags, int share, int mode, bool? cloexec = null);

            [CreatesDescriptor("msvcrt", EntryPoint = "_wsopen_s", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial int MsvcrtSecureOpen(out int fd, string path, int flags, int share, int mode, bool? cloexec = null);
        }
        """;
}
