using System;
using System.Collections.Generic;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.Win32.SafeHandles;
using WindowsBindings.Native;
using Desktop = WindowsBindings.Native.Desktop.SingleInstanceNative;
using Diagnostics = WindowsBindings.Native.Diagnostics;
using Ipc = WindowsBindings.Native.Ipc;
using Jobs = WindowsBindings.Native.Jobs;
using Service = WindowsBindings.Native.Service.ServiceNative;
using SharedMemory = WindowsBindings.Native.SharedMemory.SharedMemoryNative;
using Terminal = WindowsBindings.Native.Terminal.PseudoConsoleApi;

namespace WindowsBindings;

/// <summary>The creators whose inheritance is an argument, as applications declare them.</summary>
internal static unsafe partial class Program
{
    private static List<Creator> ApplicationCreators(string directory) =>
    [
        new("PseudoConsoleApi.CreatePipe (IntPtr attributes, out SafeFileHandle, CharSet.Auto)", call =>
        {
            Ipc.SECURITY_ATTRIBUTES attributes = InheritingAttributes();
            string before = Snapshot(attributes);
            Require(Terminal.CreatePipe(out SafeFileHandle read, out SafeFileHandle write, call.Inherit ? (IntPtr)(&attributes) : IntPtr.Zero, 0, call.Cloexec), "CreatePipe");
            return PipeProbe(read.DangerousGetHandle(), write.DangerousGetHandle(), () => { read.Dispose(); write.Dispose(); }) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("NamedPipeNative.CreateNamedPipe (CharSet.Unicode, ref struct of ints, SafePipeHandle)", call =>
        {
            string name = NewName();
            Ipc.SECURITY_ATTRIBUTES attributes = InheritingAttributes();
            attributes.bInheritHandle = call.Inherit ? 1 : 0;
            string before = Snapshot(attributes);
            SafePipeHandle server = Ipc.NamedPipeNative.CreateNamedPipe(@"\\.\pipe\" + name, Ipc.NamedPipeNative.PIPE_ACCESS_DUPLEX, 0, 1, 4096, 4096, 0, ref attributes, call.Cloexec);
            return NamedPipeProbe(name, server.IsInvalid ? -1 : server.DangerousGetHandle(), server.Dispose) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("LegacyPipeNative.CreateNamedPipe (no CharSet: CreateNamedPipeA, IntPtr attributes)", call =>
        {
            string name = NewName();
            Ipc.SECURITY_ATTRIBUTES attributes = InheritingAttributes();
            string before = Snapshot(attributes);
            IntPtr server = Ipc.LegacyPipeNative.CreateNamedPipe(@"\\.\pipe\" + name, (int)Ipc.NamedPipeNative.PIPE_ACCESS_DUPLEX, 0, 1, 4096, 4096, 0, call.Inherit ? (IntPtr)(&attributes) : IntPtr.Zero, call.Cloexec);
            return NamedPipeProbe(name, server, () => Kernel32.CloseHandle(server)) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("SingleInstanceNative.CreateMutex (CharSet.Auto: CreateMutexW, bool)", call =>
        {
            Ipc.SECURITY_ATTRIBUTES attributes = InheritingAttributes();
            string before = Snapshot(attributes);
            IntPtr mutex = Desktop.CreateMutex(call.Inherit ? (IntPtr)(&attributes) : IntPtr.Zero, false, NewName(), call.Cloexec);
            return MutexProbe(mutex, () => Kernel32.CloseHandle(mutex)) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("LegacySingleInstanceNative.CreateMutex (no CharSet: CreateMutexA)", call =>
        {
            Ipc.SECURITY_ATTRIBUTES attributes = InheritingAttributes();
            string before = Snapshot(attributes);
            IntPtr mutex = WindowsBindings.Native.Desktop.LegacySingleInstanceNative.CreateMutex(call.Inherit ? (IntPtr)(&attributes) : IntPtr.Zero, false, NewName(), call.Cloexec);
            return MutexProbe(mutex, () => Kernel32.CloseHandle(mutex)) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("SingleInstanceNative.OpenMutex (CharSet.Auto: OpenMutexW, bool bInheritHandle)", call =>
        {
            string name = NewName();
            var created = new Mutex(false, name);
            IntPtr opened = Desktop.OpenMutex(Desktop.MUTEX_ALL_ACCESS, call.Inherit, name, call.Cloexec);
            nint createdHandle = created.SafeWaitHandle.DangerousGetHandle();
            return Opened(opened, Proof.AbandonMutex, () => Kernel32.WaitForSingleObject(createdHandle, 0) == Kernel32.WAIT_ABANDONED, () => { Kernel32.CloseHandle(opened); created.SafeWaitHandle.Dispose(); });
        }),
        new("SingleInstanceNative.CreateEvent (CharSet.Unicode, bool, SafeWaitHandle)", call =>
        {
            Ipc.SECURITY_ATTRIBUTES attributes = InheritingAttributes();
            string before = Snapshot(attributes);
            SafeWaitHandle handle = Desktop.CreateEvent(call.Inherit ? (IntPtr)(&attributes) : IntPtr.Zero, true, false, null, call.Cloexec);
            return Signalled(handle.IsInvalid ? 0 : handle.DangerousGetHandle(), Proof.SetEvent, handle.Dispose) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("SingleInstanceNative.OpenEvent (CharSet.Unicode: OpenEventW, bool bInheritHandle)", call =>
        {
            string name = NewName();
            var created = new EventWaitHandle(false, EventResetMode.ManualReset, name);
            IntPtr opened = Desktop.OpenEvent(Desktop.EVENT_MODIFY_STATE | Desktop.SYNCHRONIZE, call.Inherit, name, call.Cloexec);
            return Opened(opened, Proof.SetEvent, () => created.WaitOne(0), () => { Kernel32.CloseHandle(opened); created.Dispose(); });
        }),
        new("SharedMemoryNative.CreateFileMapping (no CharSet: CreateFileMappingA, IntPtr attributes)", call =>
        {
            Ipc.SECURITY_ATTRIBUTES attributes = InheritingAttributes();
            string before = Snapshot(attributes);
            IntPtr mapping = SharedMemory.CreateFileMapping(-1, call.Inherit ? (IntPtr)(&attributes) : IntPtr.Zero, SharedMemory.PAGE_READWRITE, 0, MappingSize, null, call.Cloexec);
            return MappingProbe(mapping, () => Kernel32.CloseHandle(mapping)) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("SharedMemoryNative.OpenFileMapping (CharSet.Auto: OpenFileMappingW, bool bInheritHandle)", call =>
        {
            string name = NewName();
            var created = MemoryMappedFile.CreateNew(name, MappingSize);
            MemoryMappedViewAccessor view = created.CreateViewAccessor();
            IntPtr opened = SharedMemory.OpenFileMapping(SharedMemory.FILE_MAP_ALL_ACCESS, call.Inherit, name, call.Cloexec);
            return Opened(opened, Proof.WriteMapping, () => ReadView(view) == Marker, () => { Kernel32.CloseHandle(opened); view.Dispose(); created.Dispose(); });
        }),
        new("Job.CreateJobObject (CreateJobObjectW, SECURITY_ATTRIBUTES by value)", call =>
        {
            var attributes = new Jobs.SecurityAttributes { nLength = sizeof(Jobs.SecurityAttributes), bInheritHandle = call.Inherit ? 1 : 0 };
            string before = Snapshot(attributes);
            IntPtr job = Jobs.Job.CreateJobObject(attributes, null, call.Cloexec);
            return JobProbe(job, () => Kernel32.CloseHandle(job)) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("ServiceNative.CreateFile (CharSet.Auto: CreateFileW, IntPtr attributes, HandleRef template)", call =>
        {
            string path = NewPath(directory);
            Ipc.SECURITY_ATTRIBUTES attributes = InheritingAttributes();
            string before = Snapshot(attributes);
            SafeFileHandle file = Service.CreateFile(path, Service.GENERIC_WRITE, ShareAll, call.Inherit ? (IntPtr)(&attributes) : IntPtr.Zero, Service.CREATE_ALWAYS, Service.FILE_ATTRIBUTE_NORMAL, new HandleRef(null, IntPtr.Zero), call.Cloexec);
            return FileProbe(path, file.IsInvalid ? -1 : file.DangerousGetHandle(), file.Dispose) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("ServiceNative.CreateWaitableTimer (CharSet.Unicode, bool)", call =>
        {
            Ipc.SECURITY_ATTRIBUTES attributes = InheritingAttributes();
            string before = Snapshot(attributes);
            IntPtr timer = Service.CreateWaitableTimer(call.Inherit ? (IntPtr)(&attributes) : IntPtr.Zero, true, null, call.Cloexec);
            // An unset timer never fires: a short wait tells the one the child set.
            return Signalled(timer, Proof.SetTimer, () => Kernel32.CloseHandle(timer), waitMilliseconds: 200) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("ServiceNative.CreateWaitableTimerEx (EntryPoint CreateWaitableTimerExW, IntPtr attributes)", call =>
        {
            Ipc.SECURITY_ATTRIBUTES attributes = InheritingAttributes();
            string before = Snapshot(attributes);
            IntPtr timer = Service.CreateWaitableTimerEx(call.Inherit ? (IntPtr)(&attributes) : IntPtr.Zero, null, Service.CREATE_WAITABLE_TIMER_MANUAL_RESET, Service.TIMER_ALL_ACCESS, call.Cloexec);
            return Signalled(timer, Proof.SetTimer, () => Kernel32.CloseHandle(timer), waitMilliseconds: 200) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("ServiceNative.CreateSemaphore (CharSet.Auto: CreateSemaphoreW)", call =>
        {
            Ipc.SECURITY_ATTRIBUTES attributes = InheritingAttributes();
            string before = Snapshot(attributes);
            IntPtr semaphore = Service.CreateSemaphore(call.Inherit ? (IntPtr)(&attributes) : IntPtr.Zero, 0, 10, null, call.Cloexec);
            return Signalled(semaphore, Proof.ReleaseSemaphore, () => Kernel32.CloseHandle(semaphore)) with { Attributes = (before, Snapshot(attributes)) };
        }),
        new("Diagnostics.OpenProcess (enum access, bool bInheritHandle)", call =>
        {
            IntPtr process = Diagnostics.NativeMethods.OpenProcess(Diagnostics.ProcessAccessFlags.QueryLimitedInformation, call.Inherit, Environment.ProcessId, call.Cloexec);
            return ProcessProbe(process, () => Kernel32.CloseHandle(process));
        }),
        new("Diagnostics.OpenThread (bool bInheritHandle)", call =>
        {
            uint id = Kernel32.GetCurrentThreadId();
            IntPtr thread = Diagnostics.NativeMethods.OpenThread(Diagnostics.NativeMethods.THREAD_QUERY_LIMITED_INFORMATION, call.Inherit, id, call.Cloexec);
            return ThreadProbe(thread, id, () => Kernel32.CloseHandle(thread));
        }),
        new("Diagnostics.DuplicateHandle (IntPtr, out IntPtr, [MarshalAs(Bool)] bool)", call =>
        {
            var source = new EventWaitHandle(false, EventResetMode.ManualReset);
            IntPtr process = Diagnostics.NativeMethods.GetCurrentProcess();
            Require(Diagnostics.NativeMethods.DuplicateHandle(process, source.SafeWaitHandle.DangerousGetHandle(), process, out IntPtr target, 0, call.Inherit, Diagnostics.NativeMethods.DUPLICATE_SAME_ACCESS, call.Cloexec), "DuplicateHandle");
            return new Probe([target], target, Proof.SetEvent, () => source.WaitOne(0), () => { Kernel32.CloseHandle(target); source.Dispose(); });
        }),
        new("Diagnostics.CreateFileA (ExactSpelling, CharSet.Ansi, IntPtr attributes)", call =>
        {
            string path = NewPath(directory);
            Ipc.SECURITY_ATTRIBUTES attributes = InheritingAttributes();
            string before = Snapshot(attributes);
            IntPtr file = Diagnostics.NativeMethods.CreateFileA(path, (uint)Service.GENERIC_WRITE, ShareAll, call.Inherit ? (IntPtr)(&attributes) : IntPtr.Zero, (uint)Service.CREATE_ALWAYS, 0, IntPtr.Zero, call.Cloexec);
            return FileProbe(path, file, () => Kernel32.CloseHandle(file)) with { Attributes = (before, Snapshot(attributes)) };
        }),
    ];

    private static string ReadView(MemoryMappedViewAccessor view)
    {
        byte[] bytes = new byte[Marker.Length];
        view.ReadArray(0, bytes, 0, bytes.Length);
        return System.Text.Encoding.ASCII.GetString(bytes);
    }
}
