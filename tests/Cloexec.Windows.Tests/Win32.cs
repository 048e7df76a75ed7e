using System;
using System.Runtime.InteropServices;

namespace Cloexec.Windows.Tests;

/// <summary>Win32 <c>SECURITY_ATTRIBUTES</c>, declared as a user would.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SECURITY_ATTRIBUTES
{
    public int nLength;
    public nint lpSecurityDescriptor;
    public int bInheritHandle;
}

/// <summary>Win32 <c>CREATEFILE2_EXTENDED_PARAMETERS</c> (fileapi.h), declared as a user would.</summary>
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

/// <summary>The plain Win32 calls the tests need around the creators under test.</summary>
internal static unsafe partial class Win32
{
    // Windows SDK values, for the tests' own calls (the runtime's are in Cloexec.Platform.WindowsValues).
    internal const uint GenericWrite = 0x40000000;
    internal const uint FileShareAll = 0x1 | 0x2 | 0x4;      // FILE_SHARE_READ | WRITE | DELETE
    internal const uint CreateAlways = 2;
    internal const uint OpenExisting = 3;
    internal const uint FileAttributeNormal = 0x80;
    internal const uint DuplicateSameAccess = 0x2;
    internal const nint InvalidHandle = -1;
    internal const int AfInet = 2;
    internal const int SockStream = 1;
    internal const int IpProtoTcp = 6;
    internal const uint WsaFlagOverlapped = 0x1;
    internal const int ErrorInvalidHandle = 6;
    internal const uint GenericRead = 0x80000000;
    internal const uint WaitObject0 = 0;                     // synchapi.h / winbase.h
    internal const uint WaitAbandoned = 0x80;
    internal const uint FileMapWrite = 0x2;                  // memoryapi.h FILE_MAP_WRITE
    internal const uint FileMapAllAccess = 0xf001f;          // FILE_MAP_ALL_ACCESS
    internal const uint PageReadWrite = 0x4;                 // winnt.h PAGE_READWRITE
    internal const uint EventAllAccess = 0x1f0003;           // winnt.h EVENT_ALL_ACCESS
    internal const uint MutexAllAccess = 0x1f0001;           // MUTEX_ALL_ACCESS
    internal const uint SemaphoreAllAccess = 0x1f0003;       // SEMAPHORE_ALL_ACCESS
    internal const uint TimerAllAccess = 0x1f0003;           // TIMER_ALL_ACCESS
    internal const uint ProcessQueryLimitedInformation = 0x1000; // winnt.h PROCESS_QUERY_LIMITED_INFORMATION
    internal const uint ThreadQueryLimitedInformation = 0x800;   // THREAD_QUERY_LIMITED_INFORMATION
    internal const uint PipeAccessOutbound = 0x2;            // winbase.h PIPE_ACCESS_OUTBOUND
    internal const uint PipeTypeByte = 0x0;                  // PIPE_TYPE_BYTE
    internal const int ErrorPipeConnected = 535;             // winerror.h ERROR_PIPE_CONNECTED
    internal const int JobObjectBasicAccountingInformation = 1; // winnt.h JOBOBJECTINFOCLASS

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial int CloseHandle(nint handle);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial int WriteFile(nint handle, byte* buffer, int count, out int written, nint overlapped);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial int ReadFile(nint handle, byte* buffer, int count, out int read, nint overlapped);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial int PeekNamedPipe(nint pipe, nint buffer, int size, nint read, out int available, nint left);

    [LibraryImport("kernel32")]
    internal static partial nint GetCurrentProcess();

    [LibraryImport("ws2_32")]
    internal static partial int WSAStartup(ushort version, byte* data);

    [LibraryImport("ws2_32")]
    internal static partial int send(nint socket, byte* buffer, int length, int flags);

    [LibraryImport("ws2_32")]
    internal static partial int closesocket(nint socket);

    [LibraryImport("ws2_32")]
    private static partial int connect(nint socket, byte* address, int length);

    /// <summary>Connects a raw SOCKET to 127.0.0.1:<paramref name="port"/> (a sockaddr_in, winsock2.h / ws2def.h).</summary>
    internal static void ConnectLoopback(nint socket, int port)
    {
        byte* address = stackalloc byte[16];
        new Span<byte>(address, 16).Clear();
        address[0] = AfInet;               // sin_family, little-endian short
        address[2] = (byte)(port >> 8);    // sin_port, network order
        address[3] = (byte)port;
        address[4] = 127;                  // sin_addr 127.0.0.1
        address[7] = 1;
        if (connect(socket, address, 16) != 0)
        {
            throw new InvalidOperationException("connect failed: " + Marshal.GetLastSystemError());
        }
    }

    [LibraryImport("ucrtbase")]
    internal static partial nint _get_osfhandle(int fd);

    [LibraryImport("ucrtbase")]
    internal static partial int _close(int fd);

    /// <summary>msvcrt.dll's own CRT: its descriptors are not ucrtbase's.</summary>
    internal static partial class Msvcrt
    {
        [LibraryImport("msvcrt", EntryPoint = "_get_osfhandle")]
        internal static partial nint GetOsHandle(int fd);

        [LibraryImport("msvcrt", EntryPoint = "_close")]
        internal static partial int Close(int fd);

        [LibraryImport("msvcrt", EntryPoint = "_dup")]
        internal static partial int Dup(int fd);
    }

    [LibraryImport("kernel32", EntryPoint = "CreateFileW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateFile(string name, uint access, uint share, nint securityAttributes, uint disposition, uint flags, nint template);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial int ConnectNamedPipe(nint pipe, nint overlapped);

    [LibraryImport("kernel32", EntryPoint = "CreateEventW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateEvent(nint attributes, int manualReset, int initialState, string? name);

    [LibraryImport("kernel32", EntryPoint = "CreateMutexW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateMutex(nint attributes, int initialOwner, string? name);

    [LibraryImport("kernel32", EntryPoint = "CreateSemaphoreW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateSemaphore(nint attributes, int initialCount, int maximumCount, string? name);

    [LibraryImport("kernel32", EntryPoint = "CreateFileMappingW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CreateFileMapping(nint file, nint attributes, uint protect, uint sizeHigh, uint sizeLow, string? name);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial byte* MapViewOfFile(nint mapping, uint access, uint offsetHigh, uint offsetLow, nuint size);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial int UnmapViewOfFile(void* view);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial int SetEvent(nint handle);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial int ReleaseSemaphore(nint handle, int count, nint previous);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial uint WaitForSingleObject(nint handle, uint milliseconds);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial int SetWaitableTimer(nint timer, long* dueTime, int period, nint completion, nint argument, int resume);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial int AssignProcessToJobObject(nint job, nint process);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial int QueryInformationJobObject(nint job, int informationClass, void* information, int length, nint returnLength);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial uint GetProcessId(nint process);

    [LibraryImport("kernel32", SetLastError = true)]
    internal static partial uint GetThreadId(nint thread);

    [LibraryImport("kernel32")]
    internal static partial uint GetCurrentProcessId();

    [LibraryImport("kernel32")]
    internal static partial uint GetCurrentThreadId();

    /// <summary>How many processes were ever in the job: JOBOBJECT_BASIC_ACCOUNTING_INFORMATION.TotalProcesses (winnt.h).</summary>
    internal static uint TotalProcessesOfJob(nint job)
    {
        // LARGE_INTEGER TotalUserTime, TotalKernelTime, ThisPeriodTotalUserTime, ThisPeriodTotalKernelTime;
        // DWORD TotalPageFaultCount, TotalProcesses, ActiveProcesses, TotalTerminatedProcesses: 48 bytes.
        uint* information = stackalloc uint[12];
        if (QueryInformationJobObject(job, JobObjectBasicAccountingInformation, information, 48, 0) == 0)
        {
            throw new InvalidOperationException("QueryInformationJobObject failed: " + Marshal.GetLastPInvokeError());
        }

        return information[9];
    }

    /// <summary>Winsock needs WSAStartup once per process before its first call.</summary>
    internal static void StartWinsock()
    {
        byte* data = stackalloc byte[512]; // WSADATA is 408 bytes on x64
        int error = WSAStartup(0x0202, data);
        if (error != 0)
        {
            throw new InvalidOperationException("WSAStartup failed: " + error);
        }
    }
}
