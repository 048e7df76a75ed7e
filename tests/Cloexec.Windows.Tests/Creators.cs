using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Cloexec.Windows.Tests;

/// <summary>Every Windows creator the generator knows, declared as a user would: the code under test.</summary>
internal static unsafe partial class Creators
{
    [CreatesDescriptor("kernel32", EntryPoint = "CreateFileW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateFile(string name, uint access, uint share, nint securityAttributes, uint disposition, uint flags, nint template, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateFileW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial SafeFileHandle CreateFileHandle(string name, uint access, uint share, SECURITY_ATTRIBUTES* securityAttributes, uint disposition, uint flags, nint template, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
    internal static partial int CreatePipe(out nint read, out nint write, SECURITY_ATTRIBUTES* securityAttributes, uint size, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
    internal static partial int CreatePipeByRef(out nint read, out nint write, ref SECURITY_ATTRIBUTES securityAttributes, uint size, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "DuplicateHandle", SetLastError = true)]
    internal static partial int DuplicateHandle(
        nint sourceProcess, nint source, nint targetProcess, out nint target, uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, uint options, bool? cloexec = null);

    [CreatesDescriptor("ws2_32", EntryPoint = "WSASocketW", SetLastError = true)]
    internal static partial nint WsaSocket(int family, int type, int protocol, nint info, uint group, uint flags, bool? cloexec = null);

    [CreatesDescriptor("ws2_32", EntryPoint = "socket", SetLastError = true)]
    internal static partial nint Socket(int family, int type, int protocol, bool? cloexec = null);

    [CreatesDescriptor("ws2_32", EntryPoint = "accept", SetLastError = true)]
    internal static partial nint Accept(nint socket, nint address, nint length, bool? cloexec = null);

    [CreatesDescriptor("ucrtbase", EntryPoint = "_wopen", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial int Open(string path, int flags, int mode, bool? cloexec = null);

    [CreatesDescriptor("ucrtbase", EntryPoint = "_pipe", SetLastError = true)]
    internal static partial int Pipe(Span<int> fds, uint size, int textMode, bool? cloexec = null);

    [CreatesDescriptor("ucrtbase", EntryPoint = "_dup", SetLastError = true)]
    internal static partial int Dup(int fd, bool? cloexec = null);

    [CreatesDescriptor("ucrtbase", EntryPoint = "_dup2", SetLastError = true)]
    internal static partial int Dup2(int fd, int onto, bool? cloexec = null);

    // The usual BOOL-as-bool declarations of CreatePipe and DuplicateHandle.
    [CreatesDescriptor("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool CreatePipeAsBool(out nint read, out nint write, nint securityAttributes, uint size, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "DuplicateHandle", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool DuplicateHandleAsBool(
        nint sourceProcess, nint source, nint targetProcess, out nint target, uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, uint options, bool? cloexec = null);

    [LibraryImport("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool RawCreatePipe(out nint read, out nint write, nint securityAttributes, uint size);

    [CreatesDescriptor(Wraps = nameof(RawCreatePipe))]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool CreatePipeOverRaw(out nint read, out nint write, nint securityAttributes, uint size, bool? cloexec = null);

    // msvcrt.dll's CRT, whose descriptors are not ucrtbase's.
    [CreatesDescriptor("msvcrt", EntryPoint = "_wopen", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial int MsvcrtOpen(string path, int flags, int mode, bool? cloexec = null);

    [CreatesDescriptor("msvcrt", EntryPoint = "_pipe", SetLastError = true)]
    internal static partial int MsvcrtPipe(Span<int> fds, uint size, int textMode, bool? cloexec = null);

    [CreatesDescriptor("msvcrt", EntryPoint = "_dup", SetLastError = true)]
    internal static partial int MsvcrtDup(int fd, bool? cloexec = null);

    [CreatesDescriptor("msvcrt", EntryPoint = "_dup2", SetLastError = true)]
    internal static partial int MsvcrtDup2(int fd, int onto, bool? cloexec = null);

    // Kernel objects, declared as the usual bindings do.
    [CreatesDescriptor("kernel32", EntryPoint = "CreateNamedPipeW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateNamedPipe(string name, uint openMode, uint pipeMode, uint maxInstances, uint outSize, uint inSize, uint timeout, SECURITY_ATTRIBUTES* securityAttributes, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateNamedPipeA", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial SafeFileHandle CreateNamedPipeAnsi(string name, uint openMode, uint pipeMode, uint maxInstances, uint outSize, uint inSize, uint timeout, nint securityAttributes, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateFile2", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateFile2(string name, uint access, uint share, uint disposition, CREATEFILE2_EXTENDED_PARAMETERS* parameters, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateFileMappingW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateFileMapping(nint file, SECURITY_ATTRIBUTES* attributes, uint protect, uint sizeHigh, uint sizeLow, string? name, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateFileMappingA", SetLastError = true)]
    internal static partial nint CreateFileMappingAnsi(nint file, nint attributes, uint protect, uint sizeHigh, uint sizeLow, byte* name, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateEventW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial SafeWaitHandle CreateEvent(
        SECURITY_ATTRIBUTES* attributes, [MarshalAs(UnmanagedType.Bool)] bool manualReset, [MarshalAs(UnmanagedType.Bool)] bool initialState, string? name, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateEventExW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateEventEx(nint attributes, string? name, uint flags, uint access, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateMutexW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateMutex(nint attributes, int initialOwner, string? name, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateMutexExW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateMutexEx(nint attributes, string? name, uint flags, uint access, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateSemaphoreW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateSemaphore(nint attributes, int initialCount, int maximumCount, string? name, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateSemaphoreExW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateSemaphoreEx(nint attributes, int initialCount, int maximumCount, string? name, uint flags, uint access, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateWaitableTimerW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateWaitableTimer(ref SECURITY_ATTRIBUTES attributes, int manualReset, string? name, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateWaitableTimerExW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateWaitableTimerEx(nint attributes, string? name, uint flags, uint access, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateJobObjectW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateJobObject(nint attributes, string? name, bool? cloexec = null);

    // The Open* functions: bInheritHandle as bool, int and uint.
    [CreatesDescriptor("kernel32", SetLastError = true)]
    internal static partial nint OpenProcess(uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, uint processId, bool? cloexec = null);

    [CreatesDescriptor("kernel32", SetLastError = true)]
    internal static partial nint OpenThread(uint access, int inherit, uint threadId, bool? cloexec = null);

    // The ANSI twins, as a declaration without CharSet binds them, and the Open* functions of jobs and timers.
    [CreatesDescriptor("kernel32", EntryPoint = "CreateMutexA", SetLastError = true, CharSet = CharSet.Ansi)]
    internal static partial nint CreateMutexAnsi(nint attributes, int initialOwner, string? name, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "OpenEventA", SetLastError = true, CharSet = CharSet.Ansi)]
    internal static partial nint OpenEventAnsi(uint access, int inherit, string name, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "OpenJobObjectW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint OpenJobObject(uint access, int inherit, string name, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "OpenWaitableTimerW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint OpenWaitableTimer(uint access, int inherit, string name, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "OpenEventW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint OpenEvent(uint access, uint inherit, string name, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "OpenMutexW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint OpenMutex(uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, string name, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "OpenSemaphoreW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial SafeWaitHandle OpenSemaphore(uint access, int inherit, string name, bool? cloexec = null);

    [LibraryImport("kernel32", EntryPoint = "OpenFileMappingW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    private static partial nint RawOpenFileMapping(uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, string name);

    [CreatesDescriptor(Wraps = nameof(RawOpenFileMapping))]
    internal static partial nint OpenFileMapping(uint access, bool inherit, string name, bool? cloexec = null);

    // The CRT's _sopen_s family: the descriptor through an int*.
    [CreatesDescriptor("ucrtbase", EntryPoint = "_sopen_s", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SecureOpenAnsi(int* fd, string path, int flags, int share, int mode, bool? cloexec = null);

    [CreatesDescriptor("ucrtbase", EntryPoint = "_wsopen_s", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial int SecureOpen(out int fd, string path, int flags, int share, int mode, bool? cloexec = null);

    [CreatesDescriptor("msvcrt", EntryPoint = "_wsopen_s", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial int MsvcrtSecureOpen(out int fd, string path, int flags, int share, int mode, bool? cloexec = null);

    // ucrt share.h: _SH_DENYNO.
    internal const int ShareDenyNone = 0x40;

    // ucrt fcntl.h and sys/stat.h values, for the tests' calls.
    internal const int OWriteOnly = 0x1;
    internal const int OCreate = 0x100;
    internal const int OTruncate = 0x200;
    internal const int OBinary = 0x8000;
    internal const int SIRead = 0x100;
    internal const int SIWrite = 0x80;
}
