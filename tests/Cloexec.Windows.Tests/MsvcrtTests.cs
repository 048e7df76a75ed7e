using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Xunit;

namespace Cloexec.Windows.Tests;

/// <summary>
/// Descriptors of msvcrt.dll are handled with msvcrt's own _get_osfhandle and _close: never with ucrtbase's, whose
/// descriptor of the same number is another handle altogether.
/// </summary>
public sealed class MsvcrtTests
{
    [Fact]
    public void Fallback_changes_the_msvcrt_descriptor_and_not_ucrtbase_descriptor_of_the_same_number()
    {
        // ucrtbase holds inheritable descriptors at every low number, so whatever number msvcrt gives next is taken there too.
        var ucrt = new List<int>();
        Span<int> fds = stackalloc int[2];
        try
        {
            while (ucrt.Count < 24)
            {
                Assert.Equal(0, Creators.Pipe(fds, 4096, Creators.OBinary, cloexec: false));
                ucrt.Add(fds[0]);
                ucrt.Add(fds[1]);
            }

            Assert.Equal(0, Creators.MsvcrtPipe(fds, 4096, Creators.OBinary, cloexec: false));
            int duplicate = Creators.MsvcrtDup(fds[1], cloexec: true); // no atomic way: the fallback sets it
            try
            {
                Assert.Contains(duplicate, ucrt);
                Assert.True(FileDescriptor.GetCloexec(Win32.Msvcrt.GetOsHandle(duplicate)), "msvcrt's descriptor is inheritable");
                Assert.False(FileDescriptor.GetCloexec(duplicate), "ucrtbase's descriptor of the same number was changed");
            }
            finally
            {
                _ = Win32.Msvcrt.Close(duplicate);
                _ = Win32.Msvcrt.Close(fds[0]);
                _ = Win32.Msvcrt.Close(fds[1]);
            }
        }
        finally
        {
            foreach (int fd in ucrt)
            {
                _ = Win32._close(fd);
            }
        }
    }

    [Fact]
    public void Failed_fallback_closes_the_msvcrt_descriptor_and_throws_nothing()
    {
        Span<int> fds = stackalloc int[2];
        Assert.Equal(0, Creators.MsvcrtPipe(fds, 4096, Creators.OBinary, cloexec: true));
        try
        {
            // The number msvcrt gives next: the failed _dup below gets it too, and must give it back.
            int next = Win32.Msvcrt.Dup(fds[1]);
            Assert.True(next >= 0);
            _ = Win32.Msvcrt.Close(next);

            using (new FailingFallback())
            {
                Assert.Equal(-1, Creators.MsvcrtDup(fds[1], cloexec: true));
                Assert.Equal(FailingFallback.ErrorAccessDenied, Marshal.GetLastPInvokeError());
            }

            int again = Win32.Msvcrt.Dup(fds[1]);
            _ = Win32.Msvcrt.Close(again);
            Assert.Equal(next, again);
        }
        finally
        {
            _ = Win32.Msvcrt.Close(fds[0]);
            _ = Win32.Msvcrt.Close(fds[1]);
        }
    }
}
