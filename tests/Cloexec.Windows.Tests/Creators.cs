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

    // The usual BOOL-as-bool declarations of CreatePipe and DuplicateHandle.
    [CreatesDescriptor("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool CreatePipeAsBool(out nint read, out nint write, nint securityAttributes, uint size, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "DuplicateHandle", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool DuplicateHandleAsBool(
        nint sourceProcess, nint source, nint targetProcess, out nint target, uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, uint options, bool? cloexec = null);

    // msvcrt.dll's CRT, whose descriptors are not ucrtbase's.
    [CreatesDescriptor("msvcrt", EntryPoint = "_wopen", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial int MsvcrtOpen(string path, int flags, int mode, bool? cloexec = null);

    [CreatesDescriptor("msvcrt", EntryPoint = "_pipe", SetLastError = true)]
    internal static partial int MsvcrtPipe(Span<int> fds, uint size, int textMode, bool? cloexec = null);

    [CreatesDescriptor("msvcrt", EntryPoint = "_dup", SetLastError = true)]
    internal static partial int MsvcrtDup(int fd, bool? cloexec = null);

    // ucrt fcntl.h and sys/stat.h values, for the tests' calls.
    internal const int OWriteOnly = 0x1;
    internal const int OCreate = 0x100;
    internal const int OTruncate = 0x200;
    internal const int OBinary = 0x8000;
    internal const int SIRead = 0x100;
    internal const int SIWrite = 0x80;
}
