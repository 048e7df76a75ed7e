using System.Runtime.InteropServices;
using Xunit;

namespace Cloexec.Windows.Tests;

/// <summary>When SetHandleInformation fails after creation, the new handle is closed and the call fails with that error.</summary>
public sealed class FallbackFailureTests
{
    [Fact]
    public void Winsock_socket_is_closed_and_the_call_fails()
    {
        _ = CreatorCases.Names; // WSAStartup
        using (new FailingFallback())
        {
            nint socket = Creators.Socket(Win32.AfInet, Win32.SockStream, Win32.IpProtoTcp, cloexec: true);
            Assert.Equal(Win32.InvalidHandle, socket);
            Assert.Equal(FailingFallback.ErrorAccessDenied, Marshal.GetLastPInvokeError());
        }
    }

    [Fact]
    public void Crt_duplicate_is_closed_and_the_call_fails()
    {
        System.Span<int> fds = stackalloc int[2];
        Assert.Equal(0, Creators.Pipe(fds, 4096, Creators.OBinary, cloexec: true));
        try
        {
            using (new FailingFallback())
            {
                Assert.Equal(-1, Creators.Dup(fds[1], cloexec: true));
                Assert.Equal(FailingFallback.ErrorAccessDenied, Marshal.GetLastPInvokeError());
            }
        }
        finally
        {
            _ = Win32._close(fds[0]);
            _ = Win32._close(fds[1]);
        }
    }

    [Fact]
    public void Cloexec_false_on_a_flagless_call_sets_nothing()
    {
        using (new FailingFallback())
        {
            using Sink sink = CreatorCases.Create("_dup", cloexec: false);
            Assert.False(FileDescriptor.GetCloexec(sink.Handle));
        }
    }

    [Fact]
    public void Handle_is_closed_and_the_call_fails_on_the_fallback_path()
    {
        // Forced fallback: CreateFileW is made, then SetHandleInformation runs; its failure closes the handle (CloseHandle).
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cloexec-" + System.Guid.NewGuid().ToString("n"));
        using (new FailingFallback(forceFallback: true))
        {
            nint handle = Creators.CreateFile(path, Win32.GenericWrite, Win32.FileShareAll, 0, Win32.CreateAlways, Win32.FileAttributeNormal, 0, cloexec: true);
            Assert.Equal(Win32.InvalidHandle, handle);
            Assert.Equal(FailingFallback.ErrorAccessDenied, Marshal.GetLastPInvokeError());

            // The file was created and its handle closed: nothing else holds it, so it opens with no sharing at all.
            new System.IO.FileStream(path, System.IO.FileMode.Open, System.IO.FileAccess.ReadWrite, System.IO.FileShare.None).Dispose();
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Handle_that_is_null_on_failure_stays_null_when_the_fallback_fails()
    {
        // CreateEventExW fails with NULL, not INVALID_HANDLE_VALUE: a failed fallback closes the event and says NULL too.
        string name = "cloexec-" + System.Guid.NewGuid().ToString("n");
        using (new FailingFallback(forceFallback: true))
        {
            Assert.Equal(0, Creators.CreateEventEx(0, name, 0, Win32.EventAllAccess, cloexec: true));
            Assert.Equal(FailingFallback.ErrorAccessDenied, Marshal.GetLastPInvokeError());
        }

        // Closed: no handle keeps the named event alive, so creating it again makes a new one (no ERROR_ALREADY_EXISTS).
        nint again = Win32.CreateEvent(0, 0, 0, name);
        Assert.Equal(0, Marshal.GetLastPInvokeError());
        _ = Win32.CloseHandle(again);
    }

    [Fact]
    public unsafe void Secure_crt_open_closes_its_descriptor_and_returns_an_errno_when_the_fallback_fails()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cloexec-" + System.Guid.NewGuid().ToString("n"));
        using (new FailingFallback(forceFallback: true))
        {
            int result = Creators.SecureOpen(out int fd, path, Creators.OWriteOnly | Creators.OCreate | Creators.OBinary, Creators.ShareDenyNone, Creators.SIRead | Creators.SIWrite, cloexec: true);
            Assert.Equal(CrtEAcces, result);
            Assert.Equal(-1, fd);
            Assert.Equal(FailingFallback.ErrorAccessDenied, Marshal.GetLastPInvokeError());

            // The file was created and its descriptor closed: nothing else holds it, so it opens with no sharing at all.
            new System.IO.FileStream(path, System.IO.FileMode.Open, System.IO.FileAccess.ReadWrite, System.IO.FileShare.None).Dispose();
            System.IO.File.Delete(path);
        }
    }

    // ucrt errno.h EACCES: what _sopen_s returns for a handle whose inheritance cannot be changed.
    private const int CrtEAcces = 13;
}
