using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.Win32.SafeHandles;
using WindowsBindings.Native;
using Bindings = WindowsBindings.Native.Bindings;
using Desktop = WindowsBindings.Native.Desktop.SingleInstanceNative;
using Diagnostics = WindowsBindings.Native.Diagnostics;
using Generated = WindowsBindings.Native.Generated;
using Ipc = WindowsBindings.Native.Ipc;
using Launcher = WindowsBindings.Native.Launcher;
using RuntimeStyle = WindowsBindings.Native.RuntimeStyle.Interop;
using Service = WindowsBindings.Native.Service.ServiceNative;
using SharedMemory = WindowsBindings.Native.SharedMemory.SharedMemoryNative;

namespace WindowsBindings;

/// <summary>
/// The creators whose inheritance is an argument, as frameworks and binding libraries declare them, and how a call of
/// each asks for what <see cref="Call"/> says.
/// </summary>
internal static unsafe partial class Program
{
    // What the corpus does not define itself (winnt.h, synchapi.h); the rest is the corpus's own constants.
    private const int ShareAll = 7; // FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE
    private const uint MappingSize = 4096, EventAllAccess = 0x1F0003, SemaphoreAllAccess = 0x1F0003, CreateEventManualReset = 1;

    private static List<Creator> ExplicitCreators(string directory) => [.. LibraryCreators(directory), .. ApplicationCreators(directory)];

    private static List<Creator> LibraryCreators(string directory) =>
    [
        new("Launcher.CreatePipe (class SECURITY_ATTRIBUTES, out SafeFileHandle, CharSet.Auto)", call =>
        {
            Launcher.SECURITY_ATTRIBUTES? attributes = call.Inherit ? new() { bInheritHandle = true } : null;
            string before = Snapshot(attributes);
            Require(Launcher.NativeMethods.CreatePipe(out SafeFileHandle read, out SafeFileHandle write, attributes, 0, call.Cloexec), "CreatePipe");
            return PipeProbe(read.DangerousGetHandle(), write.DangerousGetHandle(), () => { read.Dispose(); write.Dispose(); })
                with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("Launcher.DuplicateHandle (HandleRef, abstract SafeHandle, out SafeFileHandle, bool)", call =>
        {
            var source = new EventWaitHandle(false, EventResetMode.ManualReset);
            var process = new HandleRef(null, Launcher.NativeMethods.GetCurrentProcess());
            Require(Launcher.NativeMethods.DuplicateHandle(process, source.SafeWaitHandle, process, out SafeFileHandle target, 0, call.Inherit, Launcher.NativeMethods.DUPLICATE_SAME_ACCESS, call.Cloexec), "DuplicateHandle");
            return new Probe([target.DangerousGetHandle()], target.DangerousGetHandle(), Proof.SetEvent, () => source.WaitOne(0), () => { target.Dispose(); source.Dispose(); });
        }),
        new("Launcher.CreateFile (api-ms-win-core-file, class SECURITY_ATTRIBUTES, SafeFileHandle template)", call =>
        {
            string path = NewPath(directory);
            Launcher.SECURITY_ATTRIBUTES? attributes = call.Inherit ? new() { bInheritHandle = true } : null;
            string before = Snapshot(attributes);
            SafeFileHandle file = Launcher.NativeMethods.CreateFile(path, Service.GENERIC_WRITE, ShareAll, attributes, Service.CREATE_ALWAYS, 0, new SafeFileHandle(0, false), call.Cloexec);
            return FileProbe(path, file.DangerousGetHandle(), file.Dispose) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("Interop.Kernel32.CreateFile ([LibraryImport] CreateFileW, SECURITY_ATTRIBUTES*)", call =>
        {
            string path = NewPath(directory);
            var attributes = RuntimeAttributes(call.Inherit);
            string before = Snapshot(attributes);
            SafeFileHandle file = RuntimeStyle.Kernel32.CreateFile(path, Service.GENERIC_WRITE, FileShare.ReadWrite | FileShare.Delete, call.Inherit ? &attributes : null, FileMode.Create, 0, IntPtr.Zero, call.Cloexec);
            return FileProbe(path, file.DangerousGetHandle(), file.Dispose) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("Interop.Kernel32.CreateFile2 ([LibraryImport], SECURITY_ATTRIBUTES* inside CREATEFILE2_EXTENDED_PARAMETERS*)", call =>
        {
            string path = NewPath(directory);
            var attributes = RuntimeAttributes(call.Inherit);
            var parameters = new RuntimeStyle.Kernel32.CREATEFILE2_EXTENDED_PARAMETERS
            {
                dwSize = (uint)sizeof(RuntimeStyle.Kernel32.CREATEFILE2_EXTENDED_PARAMETERS),
                dwFileAttributes = (uint)Service.FILE_ATTRIBUTE_NORMAL,
                lpSecurityAttributes = call.Inherit ? &attributes : null,
            };
            string before = Snapshot(attributes) + Snapshot(parameters);
            SafeFileHandle file = RuntimeStyle.Kernel32.CreateFile2(path, Service.GENERIC_WRITE, FileShare.ReadWrite | FileShare.Delete, FileMode.Create, &parameters, call.Cloexec);
            return FileProbe(path, file.IsInvalid ? -1 : file.DangerousGetHandle(), file.Dispose) with { Attributes = (before, Snapshot(attributes) + Snapshot(parameters)) };
        }),
        new("Interop.Kernel32.CreateNamedPipe ([LibraryImport] CreateNamedPipeW, ref SECURITY_ATTRIBUTES, SafePipeHandle)", call =>
        {
            string name = NewName();
            var attributes = RuntimeAttributes(call.Inherit);
            string before = Snapshot(attributes);
            SafePipeHandle server = RuntimeStyle.Kernel32.CreateNamedPipe(@"\\.\pipe\" + name, (int)Ipc.NamedPipeNative.PIPE_ACCESS_DUPLEX, 0, 1, 4096, 4096, 0, ref attributes, call.Cloexec);
            return NamedPipeProbe(name, server.DangerousGetHandle(), server.Dispose) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("Interop.Kernel32.DuplicateHandle ([LibraryImport], abstract SafeHandle, out SafeWaitHandle)", call =>
        {
            var source = new EventWaitHandle(false, EventResetMode.ManualReset);
            nint process = Kernel32.GetCurrentProcess();
            Require(RuntimeStyle.Kernel32.DuplicateHandle(process, source.SafeWaitHandle, process, out SafeWaitHandle target, 0, call.Inherit, RuntimeStyle.Kernel32.DUPLICATE_SAME_ACCESS, call.Cloexec), "DuplicateHandle");
            return new Probe([target.DangerousGetHandle()], target.DangerousGetHandle(), Proof.SetEvent, () => source.WaitOne(0), () => { target.Dispose(); source.Dispose(); });
        }),
        new("Interop.Kernel32.OpenProcess ([LibraryImport], SafeProcessHandle)", call =>
        {
            SafeProcessHandle process = RuntimeStyle.Kernel32.OpenProcess((int)Diagnostics.ProcessAccessFlags.QueryLimitedInformation, call.Inherit, Environment.ProcessId, call.Cloexec);
            return ProcessProbe(process.IsInvalid ? 0 : process.DangerousGetHandle(), process.Dispose);
        }),
        new("Interop.Kernel32.CreateFileMapping ([LibraryImport] CreateFileMappingW, ref SECURITY_ATTRIBUTES)", call =>
        {
            var attributes = RuntimeAttributes(call.Inherit);
            string before = Snapshot(attributes);
            using var pageFile = new SafeFileHandle(-1, ownsHandle: false);
            SafeMemoryMappedFileHandle mapping = RuntimeStyle.Kernel32.CreateFileMapping(pageFile, ref attributes, (int)SharedMemory.PAGE_READWRITE, 0, (int)MappingSize, null, call.Cloexec);
            return MappingProbe(mapping.IsInvalid ? 0 : mapping.DangerousGetHandle(), mapping.Dispose) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("Interop.Kernel32.CreateMutexEx ([LibraryImport] CreateMutexExW, IntPtr attributes)", call =>
        {
            var attributes = RuntimeAttributes(inherit: true);
            string before = Snapshot(attributes);
            SafeWaitHandle mutex = RuntimeStyle.Kernel32.CreateMutexEx(call.Inherit ? (IntPtr)(&attributes) : IntPtr.Zero, null, 0, Desktop.MUTEX_ALL_ACCESS, call.Cloexec);
            return MutexProbe(mutex.IsInvalid ? 0 : mutex.DangerousGetHandle(), mutex.Dispose) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("Interop.Kernel32.CreateEventEx ([LibraryImport] CreateEventExW, IntPtr attributes)", call =>
        {
            var attributes = RuntimeAttributes(inherit: true);
            string before = Snapshot(attributes);
            SafeWaitHandle handle = RuntimeStyle.Kernel32.CreateEventEx(call.Inherit ? (IntPtr)(&attributes) : IntPtr.Zero, null, CreateEventManualReset, EventAllAccess, call.Cloexec);
            return Signalled(handle.IsInvalid ? 0 : handle.DangerousGetHandle(), Proof.SetEvent, handle.Dispose) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("Interop.Kernel32.CreateSemaphoreEx ([LibraryImport] CreateSemaphoreExW, IntPtr attributes)", call =>
        {
            var attributes = RuntimeAttributes(inherit: true);
            string before = Snapshot(attributes);
            SafeWaitHandle handle = RuntimeStyle.Kernel32.CreateSemaphoreEx(call.Inherit ? (IntPtr)(&attributes) : IntPtr.Zero, 0, 10, null, 0, SemaphoreAllAccess, call.Cloexec);
            return Signalled(handle.IsInvalid ? 0 : handle.DangerousGetHandle(), Proof.ReleaseSemaphore, handle.Dispose) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("Interop.Kernel32.OpenSemaphore ([LibraryImport] OpenSemaphoreW, [MarshalAs(Bool)] bool)", call =>
        {
            string name = NewName();
            var created = new Semaphore(0, 10, name);
            SafeWaitHandle opened = RuntimeStyle.Kernel32.OpenSemaphore(SemaphoreAllAccess, call.Inherit, name, call.Cloexec);
            return Opened(opened.IsInvalid ? 0 : opened.DangerousGetHandle(), Proof.ReleaseSemaphore, () => created.WaitOne(0), () => { opened.Dispose(); created.Dispose(); });
        }),
        new("Bindings.Kernel32.CreatePipe ([In] class SECURITY_ATTRIBUTES, out IntPtr, ExactSpelling)", call =>
        {
            Bindings.SECURITY_ATTRIBUTES? attributes = call.Inherit ? new() { bInheritHandle = true } : null;
            string before = Snapshot(attributes);
            Require(Bindings.Kernel32.CreatePipe(out IntPtr read, out IntPtr write, attributes, 0, call.Cloexec), "CreatePipe");
            return PipeProbe(read, write, () => { Kernel32.CloseHandle(read); Kernel32.CloseHandle(write); }) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("Bindings.Kernel32.CreateNamedPipe (CharSet.Auto, [In] class SECURITY_ATTRIBUTES, enum mode)", call =>
        {
            string name = NewName();
            Bindings.SECURITY_ATTRIBUTES? attributes = call.Inherit ? new() { bInheritHandle = true } : null;
            string before = Snapshot(attributes);
            IntPtr server = Bindings.Kernel32.CreateNamedPipe(@"\\.\pipe\" + name, Ipc.NamedPipeNative.PIPE_ACCESS_DUPLEX, Bindings.PIPE_TYPE.PIPE_TYPE_BYTE, 1, 4096, 4096, 0, attributes, call.Cloexec);
            return NamedPipeProbe(name, server, () => Kernel32.CloseHandle(server)) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("Bindings.Kernel32.CreateEvent ([In, Optional] class SECURITY_ATTRIBUTES, SafeEventHandle)", call =>
        {
            Bindings.SECURITY_ATTRIBUTES? attributes = call.Inherit ? new() { bInheritHandle = true } : null;
            string before = Snapshot(attributes);
            Bindings.SafeEventHandle handle = Bindings.Kernel32.CreateEvent(attributes, true, false, null, call.Cloexec);
            return Signalled(handle.IsInvalid ? 0 : handle.DangerousGetHandle(), Proof.SetEvent, handle.Dispose) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("PInvoke.CreateMutexW (CsWin32: SECURITY_ATTRIBUTES*, BOOL, PCWSTR, HANDLE)", call =>
        {
            var attributes = GeneratedAttributes();
            string before = Snapshot(attributes);
            fixed (char* name = NewName())
            {
                Generated.HANDLE mutex = Generated.PInvoke.CreateMutexW(call.Inherit ? &attributes : null, false, new Generated.PCWSTR(name));
                return MutexProbe(mutex, () => Kernel32.CloseHandle(mutex)) with { Attributes = (before, Snapshot(attributes)) };
            }
        }, LeftAlone: true),
        new("PInvoke.CreatePipe (CsWin32: HANDLE*, SECURITY_ATTRIBUTES*, BOOL)", call =>
        {
            var attributes = GeneratedAttributes();
            string before = Snapshot(attributes);
            Generated.HANDLE read, write;
            Require(Generated.PInvoke.CreatePipe(&read, &write, call.Inherit ? &attributes : null, 0), "CreatePipe");
            nint readEnd = read, writeEnd = write;
            return PipeProbe(readEnd, writeEnd, () => { Kernel32.CloseHandle(readEnd); Kernel32.CloseHandle(writeEnd); }) with { Attributes = (before, Snapshot(attributes)) };
        }, LeftAlone: true),
        new("PInvoke.OpenThread (CsWin32: BOOL bInheritHandle, HANDLE)", call =>
        {
            uint id = Kernel32.GetCurrentThreadId();
            nint thread = Generated.PInvoke.OpenThread(Diagnostics.NativeMethods.THREAD_QUERY_LIMITED_INFORMATION, call.Inherit, id);
            return ThreadProbe(thread, id, () => Kernel32.CloseHandle(thread));
        }, LeftAlone: true),
    ];

    private static RuntimeStyle.Kernel32.SECURITY_ATTRIBUTES RuntimeAttributes(bool inherit) => new()
    {
        nLength = (uint)sizeof(RuntimeStyle.Kernel32.SECURITY_ATTRIBUTES),
        bInheritHandle = inherit ? RuntimeStyle.BOOL.TRUE : RuntimeStyle.BOOL.FALSE,
    };

    private static Generated.SECURITY_ATTRIBUTES GeneratedAttributes() => new()
    {
        nLength = (uint)sizeof(Generated.SECURITY_ATTRIBUTES),
        bInheritHandle = true,
    };
}
