using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace Cloexec.Windows.Tests;

/// <summary>
/// The kernel objects' creators and the Open* functions, each with the child's proof of identity: a pipe or a file it
/// writes to, a mapping it writes into, an event it sets, a semaphore it releases, a mutex it abandons, a timer it sets,
/// a job it joins, a process or thread whose id it compares with the parent's.
/// </summary>
internal static unsafe partial class CreatorCases
{
    private const nint InvalidHandle = -1;
    private const uint CreateEventManualReset = 0x1;       // synchapi.h CREATE_EVENT_MANUAL_RESET
    private const uint CreateWaitableTimerManualReset = 0x1; // CREATE_WAITABLE_TIMER_MANUAL_RESET
    private const int MappingSize = 4096;
    private const uint JobObjectAllAccess = 0x1f001f;      // winnt.h JOB_OBJECT_ALL_ACCESS

    private static void AddKernelObjectCases(Dictionary<string, Func<bool?, Sink>> cases)
    {
        cases["CreateNamedPipeW"] = cloexec =>
        {
            string name = PipeName();
            nint server = Creators.CreateNamedPipe(name, Win32.PipeAccessOutbound, Win32.PipeTypeByte, 1, 4096, 4096, 0, null, cloexec);
            return NamedPipeSink(name, server, () => Win32.CloseHandle(server));
        };
        cases["CreateNamedPipeA"] = cloexec =>
        {
            string name = PipeName();
            SafeFileHandle server = Creators.CreateNamedPipeAnsi(name, Win32.PipeAccessOutbound, Win32.PipeTypeByte, 1, 4096, 4096, 0, 0, cloexec);
            return NamedPipeSink(name, server.DangerousGetHandle(), server.Dispose);
        };
        cases["CreateFile2"] = cloexec =>
        {
            // The caller's own SECURITY_ATTRIBUTES asks for the opposite of cloexec: the argument wins, both structs stay as they were.
            var attributes = new SECURITY_ATTRIBUTES { nLength = sizeof(SECURITY_ATTRIBUTES), bInheritHandle = Stated(cloexec) };
            var parameters = new CREATEFILE2_EXTENDED_PARAMETERS
            {
                dwSize = (uint)sizeof(CREATEFILE2_EXTENDED_PARAMETERS),
                dwFileAttributes = Win32.FileAttributeNormal,
                lpSecurityAttributes = &attributes,
            };
            int before = attributes.bInheritHandle;
            string path = TemporaryPath();
            nint handle = Creators.CreateFile2(path, Win32.GenericWrite, Win32.FileShareAll, Win32.CreateAlways, &parameters, cloexec);
            Assert.Equal(before, attributes.bInheritHandle);
            Assert.True(parameters.lpSecurityAttributes == &attributes);
            return FileSink(path, handle);
        };
        cases["CreateFile2 without parameters"] = cloexec =>
        {
            string path = TemporaryPath();
            return FileSink(path, Creators.CreateFile2(path, Win32.GenericWrite, Win32.FileShareAll, Win32.CreateAlways, null, cloexec));
        };
        cases["CreateFileMappingW"] = cloexec => MappingSink(Creators.CreateFileMapping(InvalidHandle, null, Win32.PageReadWrite, 0, MappingSize, null, cloexec));
        cases["CreateFileMappingA"] = cloexec => MappingSink(Creators.CreateFileMappingAnsi(InvalidHandle, 0, Win32.PageReadWrite, 0, MappingSize, null, cloexec));
        cases["CreateEventW"] = cloexec =>
        {
            SafeWaitHandle handle = Creators.CreateEvent(null, manualReset: true, initialState: false, null, cloexec);
            Assert.False(handle.IsInvalid);
            nint raw = handle.DangerousGetHandle();
            return Sink.Observed(raw, Proof.SetEvent, () => Win32.WaitForSingleObject(raw, 0) == Win32.WaitObject0, handle.Dispose);
        };
        cases["CreateEventExW"] = cloexec => EventSink(Creators.CreateEventEx(0, null, CreateEventManualReset, Win32.EventAllAccess, cloexec));
        cases["CreateMutexW"] = cloexec => MutexSink(Creators.CreateMutex(0, 0, null, cloexec));
        cases["CreateMutexExW"] = cloexec => MutexSink(Creators.CreateMutexEx(0, null, 0, Win32.MutexAllAccess, cloexec));
        cases["CreateSemaphoreW"] = cloexec => SemaphoreSink(Creators.CreateSemaphore(0, 0, 10, null, cloexec));
        cases["CreateSemaphoreExW"] = cloexec => SemaphoreSink(Creators.CreateSemaphoreEx(0, 0, 10, null, 0, Win32.SemaphoreAllAccess, cloexec));
        cases["CreateWaitableTimerW"] = cloexec =>
        {
            var attributes = new SECURITY_ATTRIBUTES { nLength = sizeof(SECURITY_ATTRIBUTES), bInheritHandle = Stated(cloexec) };
            return TimerSink(Creators.CreateWaitableTimer(ref attributes, 1, null, cloexec));
        };
        cases["CreateWaitableTimerExW"] = cloexec => TimerSink(Creators.CreateWaitableTimerEx(0, null, CreateWaitableTimerManualReset, Win32.TimerAllAccess, cloexec));
        cases["CreateJobObjectW"] = cloexec =>
        {
            nint job = Creators.CreateJobObject(0, null, cloexec);
            Assert.NotEqual(0, job);
            return Sink.Observed(job, Proof.JoinJob, () => Win32.TotalProcessesOfJob(job) > 0, () => Win32.CloseHandle(job));
        };
        cases["OpenProcess"] = cloexec =>
        {
            uint id = Win32.GetCurrentProcessId();
            nint process = Creators.OpenProcess(Win32.ProcessQueryLimitedInformation, inherit: Stated(cloexec) != 0, id, cloexec);
            Assert.NotEqual(0, process);
            return Sink.Reported(process, Proof.ProcessId, id, () => Win32.CloseHandle(process));
        };
        cases["OpenThread"] = cloexec =>
        {
            uint id = Win32.GetCurrentThreadId();
            nint thread = Creators.OpenThread(Win32.ThreadQueryLimitedInformation, Stated(cloexec), id, cloexec);
            Assert.NotEqual(0, thread);
            return Sink.Reported(thread, Proof.ThreadId, id, () => Win32.CloseHandle(thread));
        };
        cases["OpenEventW"] = cloexec =>
        {
            // The child signals through the opened handle; the parent sees it on the one it created: the same event.
            string name = ObjectName();
            nint created = Win32.CreateEvent(0, 1, 0, name);
            nint opened = Creators.OpenEvent(Win32.EventAllAccess, (uint)Stated(cloexec), name, cloexec);
            return OpenedSink(created, opened, Proof.SetEvent, () => Win32.WaitForSingleObject(created, 0) == Win32.WaitObject0, () => Win32.CloseHandle(opened));
        };
        cases["OpenMutexW"] = cloexec =>
        {
            string name = ObjectName();
            nint created = Win32.CreateMutex(0, 0, name);
            nint opened = Creators.OpenMutex(Win32.MutexAllAccess, Stated(cloexec) != 0, name, cloexec);
            return OpenedSink(created, opened, Proof.AbandonMutex, () => Win32.WaitForSingleObject(created, 0) == Win32.WaitAbandoned, () => Win32.CloseHandle(opened));
        };
        cases["OpenSemaphoreW"] = cloexec =>
        {
            string name = ObjectName();
            nint created = Win32.CreateSemaphore(0, 0, 10, name);
            SafeWaitHandle opened = Creators.OpenSemaphore(Win32.SemaphoreAllAccess, Stated(cloexec), name, cloexec);
            Assert.False(opened.IsInvalid);
            return OpenedSink(created, opened.DangerousGetHandle(), Proof.ReleaseSemaphore, () => Win32.WaitForSingleObject(created, 0) == Win32.WaitObject0, opened.Dispose);
        };
        cases["CreateMutexA"] = cloexec => MutexSink(Creators.CreateMutexAnsi(0, 0, ObjectName(), cloexec));
        cases["OpenEventA"] = cloexec =>
        {
            string name = ObjectName();
            nint created = Win32.CreateEvent(0, 1, 0, name);
            nint opened = Creators.OpenEventAnsi(Win32.EventAllAccess, Stated(cloexec), name, cloexec);
            return OpenedSink(created, opened, Proof.SetEvent, () => Win32.WaitForSingleObject(created, 0) == Win32.WaitObject0, () => Win32.CloseHandle(opened));
        };
        cases["OpenJobObjectW"] = cloexec =>
        {
            // The child joins the job through the opened handle; the parent counts it on the one it created.
            string name = ObjectName();
            nint created = Creators.CreateJobObject(0, name, cloexec: true);
            nint opened = Creators.OpenJobObject(JobObjectAllAccess, Stated(cloexec), name, cloexec);
            return OpenedSink(created, opened, Proof.JoinJob, () => Win32.TotalProcessesOfJob(created) > 0, () => Win32.CloseHandle(opened));
        };
        cases["OpenWaitableTimerW"] = cloexec =>
        {
            string name = ObjectName();
            var attributes = new SECURITY_ATTRIBUTES { nLength = sizeof(SECURITY_ATTRIBUTES) };
            nint created = Creators.CreateWaitableTimer(ref attributes, 1, name, cloexec: true);
            nint opened = Creators.OpenWaitableTimer(Win32.TimerAllAccess, Stated(cloexec), name, cloexec);
            // An unset timer never fires: a short wait tells a timer the child set from one nobody set.
            return OpenedSink(created, opened, Proof.SetTimer, () => Win32.WaitForSingleObject(created, 200) == Win32.WaitObject0, () => Win32.CloseHandle(opened));
        };
        cases["OpenFileMappingW"] = cloexec =>
        {
            string name = ObjectName();
            nint created = Win32.CreateFileMapping(InvalidHandle, 0, Win32.PageReadWrite, 0, MappingSize, name);
            Assert.NotEqual(0, created);
            byte* view = Win32.MapViewOfFile(created, Win32.FileMapAllAccess, 0, 0, MappingSize);
            Assert.True(view is not null);
            nint opened = Creators.OpenFileMapping(Win32.FileMapAllAccess, Stated(cloexec) != 0, name, cloexec);
            Assert.NotEqual(0, opened);
            return Sink.Written(opened, Proof.WriteMapping, () => ReadView(view), () =>
            {
                _ = Win32.UnmapViewOfFile(view);
                _ = Win32.CloseHandle(opened);
                _ = Win32.CloseHandle(created);
            });
        };
        cases["_sopen_s"] = cloexec =>
        {
            string path = TemporaryPath();
            int fd;
            Assert.Equal(0, Creators.SecureOpenAnsi(&fd, path, CrtWriteFlags, Creators.ShareDenyNone, CrtMode, cloexec));
            return CrtFileSink(path, fd, Win32._get_osfhandle, Win32._close);
        };
        cases["_wsopen_s"] = cloexec =>
        {
            string path = TemporaryPath();
            Assert.Equal(0, Creators.SecureOpen(out int fd, path, CrtWriteFlags, Creators.ShareDenyNone, CrtMode, cloexec));
            return CrtFileSink(path, fd, Win32._get_osfhandle, Win32._close);
        };
        cases["msvcrt _wsopen_s"] = cloexec =>
        {
            string path = TemporaryPath();
            Assert.Equal(0, Creators.MsvcrtSecureOpen(out int fd, path, CrtWriteFlags, Creators.ShareDenyNone, CrtMode, cloexec));
            return CrtFileSink(path, fd, Win32.Msvcrt.GetOsHandle, Win32.Msvcrt.Close);
        };
    }

    private static int CrtWriteFlags => Creators.OWriteOnly | Creators.OCreate | Creators.OTruncate | Creators.OBinary;

    private static int CrtMode => Creators.SIRead | Creators.SIWrite;

    private static string PipeName() => @"\\.\pipe\cloexec-" + Guid.NewGuid().ToString("n");

    private static string ObjectName() => "cloexec-" + Guid.NewGuid().ToString("n");

    /// <summary>The server end made by the creator; the parent reads at a client end it opens itself.</summary>
    private static Sink NamedPipeSink(string name, nint server, Action closeServer)
    {
        Assert.NotEqual(InvalidHandle, server);
        nint client = Win32.CreateFile(name, Win32.GenericRead, 0, 0, Win32.OpenExisting, 0, 0);
        Assert.NotEqual(InvalidHandle, client);
        Assert.True(Win32.ConnectNamedPipe(server, 0) != 0 || System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == Win32.ErrorPipeConnected);
        return Sink.Written(server, Proof.Write, () => ReadPipe(client), () =>
        {
            closeServer();
            _ = Win32.CloseHandle(client);
        });
    }

    private static Sink MappingSink(nint mapping)
    {
        Assert.NotEqual(0, mapping);
        byte* view = Win32.MapViewOfFile(mapping, Win32.FileMapAllAccess, 0, 0, MappingSize);
        Assert.True(view is not null);
        return Sink.Written(mapping, Proof.WriteMapping, () => ReadView(view), () =>
        {
            _ = Win32.UnmapViewOfFile(view);
            _ = Win32.CloseHandle(mapping);
        });
    }

    /// <summary>The text at the start of a view, up to its first NUL (a fresh mapping is all zeros).</summary>
    private static string ReadView(byte* view)
    {
        var text = new ReadOnlySpan<byte>(view, MappingSize);
        int end = text.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? text : text[..end]);
    }

    private static Sink EventSink(nint handle)
    {
        Assert.NotEqual(0, handle);
        return Sink.Observed(handle, Proof.SetEvent, () => Win32.WaitForSingleObject(handle, 0) == Win32.WaitObject0, () => Win32.CloseHandle(handle));
    }

    private static Sink MutexSink(nint handle)
    {
        Assert.NotEqual(0, handle);
        return Sink.Observed(handle, Proof.AbandonMutex, () => Win32.WaitForSingleObject(handle, 0) == Win32.WaitAbandoned, () => Win32.CloseHandle(handle));
    }

    private static Sink SemaphoreSink(nint handle)
    {
        Assert.NotEqual(0, handle);
        return Sink.Observed(handle, Proof.ReleaseSemaphore, () => Win32.WaitForSingleObject(handle, 0) == Win32.WaitObject0, () => Win32.CloseHandle(handle));
    }

    private static Sink TimerSink(nint handle)
    {
        Assert.NotEqual(0, handle);
        // An unset timer never fires: a short wait tells a timer the child set from one nobody set.
        return Sink.Observed(handle, Proof.SetTimer, () => Win32.WaitForSingleObject(handle, 200) == Win32.WaitObject0, () => Win32.CloseHandle(handle));
    }

    private static Sink OpenedSink(nint created, nint opened, Proof proof, Func<bool> observe, Action closeOpened)
    {
        Assert.NotEqual(0, created);
        Assert.NotEqual(0, opened);
        return Sink.Observed(opened, proof, observe, () =>
        {
            closeOpened();
            _ = Win32.CloseHandle(created);
        });
    }

    private static Sink CrtFileSink(string path, int fd, Func<int, nint> handleOf, Func<int, int> close)
    {
        Assert.True(fd >= 0);
        return Sink.Written(handleOf(fd), Proof.Write, () => ReadFile(path), () =>
        {
            _ = close(fd);
            File.Delete(path);
        });
    }
}
