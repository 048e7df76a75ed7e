using System.IO;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace Cloexec.Windows.Tests;

/// <summary>FileDescriptor on Windows: HANDLE_FLAG_INHERIT through a raw handle, a CRT descriptor and a SafeHandle.</summary>
public sealed class FileDescriptorTests
{
    [Fact]
    public void Raw_handle_flag_can_be_read_and_changed()
    {
        using Sink sink = CreatorCases.Create("CreatePipe", cloexec: true);
        Assert.True(FileDescriptor.GetCloexec(sink.Handle));
        FileDescriptor.SetCloexec(sink.Handle, cloexec: false);
        Assert.False(FileDescriptor.GetCloexec(sink.Handle));
        FileDescriptor.SetCloexec(sink.Handle);
        Assert.True(FileDescriptor.GetCloexec(sink.Handle));
    }

    [Fact]
    public unsafe void Crt_descriptor_flag_can_be_read_and_changed()
    {
        System.Span<int> fds = stackalloc int[2];
        Assert.Equal(0, Creators.Pipe(fds, 4096, Creators.OBinary, cloexec: false));
        try
        {
            Assert.False(FileDescriptor.GetCloexec(fds[0]));
            FileDescriptor.SetCloexec(fds[0]);
            Assert.True(FileDescriptor.GetCloexec(fds[0]));
            Assert.True(FileDescriptor.GetCloexec(Win32._get_osfhandle(fds[0])));
        }
        finally
        {
            _ = Win32._close(fds[0]);
            _ = Win32._close(fds[1]);
        }
    }

    [Fact]
    public unsafe void SafeHandle_flag_can_be_read_and_changed()
    {
        string path = Path.Combine(Path.GetTempPath(), "cloexec-" + System.Guid.NewGuid().ToString("n"));
        using (SafeFileHandle handle = Creators.CreateFileHandle(path, Win32.GenericWrite, Win32.FileShareAll, null, Win32.CreateAlways, Win32.FileAttributeNormal, 0))
        {
            Assert.False(handle.IsInvalid);
            Assert.True(FileDescriptor.GetCloexec(handle));
            FileDescriptor.SetCloexec(handle, cloexec: false);
            Assert.False(FileDescriptor.GetCloexec(handle));
        }

        File.Delete(path);
    }

    [Fact]
    public void Bad_crt_descriptor_is_an_IOException_with_the_Win32_error()
    {
        // The CRT would end the process on a bad descriptor without the runtime's invalid parameter handler.
        IOException error = Assert.Throws<IOException>(() => FileDescriptor.GetCloexec(12345));
        Assert.Equal(Win32.ErrorInvalidHandle, error.HResult);
        Assert.Throws<IOException>(() => FileDescriptor.SetCloexec(12345));
    }

    [Fact]
    public void Bad_handle_is_an_IOException()
    {
        Assert.Throws<IOException>(() => FileDescriptor.GetCloexec((nint)0x7ffffff0));
    }

    [Fact]
    public void Closed_SafeHandle_is_ObjectDisposedException()
    {
        var handle = new SafeFileHandle(0x1234, ownsHandle: false);
        handle.Dispose();
        Assert.Throws<System.ObjectDisposedException>(() => FileDescriptor.GetCloexec(handle));
    }
}
