// Existing uses of the declarations, which must go on compiling once they are converted: calls without cloexec, method
// groups and delegates, and interface implementations (implicit and explicit).
using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Callers
{
    public interface IProcessOpener
    {
        static abstract IntPtr OpenProcess(uint access, bool inherit, uint id);
    }

    public interface IThreadOpener
    {
        static abstract IntPtr OpenThread(int access, bool inherit, uint id);
    }

    public sealed class ProcessApi : IProcessOpener
    {
        // expect: direct
        [DllImport("kernel32", SetLastError = true)]
        public static extern IntPtr OpenProcess(uint access, bool inherit, uint id);
    }

    public sealed class ThreadApi : IThreadOpener
    {
        // expect: direct
        [DllImport("kernel32.dll", EntryPoint = "OpenThread", SetLastError = true)]
        static extern IntPtr IThreadOpener.OpenThread(int access, bool inherit, uint id);
    }

    internal static class Uses
    {
        internal static unsafe void All()
        {
            IntPtr file = PinvokeNet.Kernel32.CreateFile("x", 0, 0, IntPtr.Zero, 3, 0, IntPtr.Zero);
            var attributes = new PinvokeNet.SECURITY_ATTRIBUTES { nLength = 24, bInheritHandle = 1 };
            bool ok = PinvokeNet.Kernel32.CreatePipe(out IntPtr read, out IntPtr write, ref attributes, 0);
            ok &= PinvokeNet.Kernel32.DuplicateHandle(read, read, read, out IntPtr duplicate, 0, true, 2);
            Func<uint, bool, uint, IntPtr> open = PinvokeNet.Kernel32.OpenProcess;
            IntPtr pipe = PinvokeNet.Kernel32.CreateNamedPipe(@"\\.\pipe\x", 3, 0, 1, 0, 0, 0, attributes);

            using PInvokeStyle.SafeObjectHandle handle = PInvokeStyle.Kernel32.CreateFile("x", PInvokeStyle.ACCESS_MASK.GenericRead, FileShare.Read, null,
                PInvokeStyle.CreationDisposition.OpenExisting, PInvokeStyle.CreateFileFlags.None, new PInvokeStyle.SafeObjectHandle());
            ok &= PInvokeStyle.Kernel32.CreatePipe(out PInvokeStyle.SafeObjectHandle r, out PInvokeStyle.SafeObjectHandle w, null, 0);
            Func<PInvokeStyle.ACCESS_MASK, bool, int, PInvokeStyle.SafeObjectHandle> openSafe = PInvokeStyle.Kernel32.OpenProcess;

            using VanaraStyle.SafeHFILE vanara = VanaraStyle.Kernel32.CreateFile("x", FileAccess.Read, FileShare.Read, null, FileMode.Open, 0, IntPtr.Zero);
            ok &= VanaraStyle.Kernel32.CreatePipe(out VanaraStyle.SafeHFILE vr, out VanaraStyle.SafeHFILE vw, new VanaraStyle.SECURITY_ATTRIBUTES { bInheritHandle = true }, 0);
            using VanaraStyle.SafeEventHandle ev = VanaraStyle.Kernel32.CreateEvent(null, true, false, null);

            using SafeFileHandle runtimeFile = RuntimeStyle.Interop.Kernel32.CreateFile("x", 0, FileShare.Read, FileMode.Open, 0);
            var runtimeAttributes = new RuntimeStyle.Interop.Kernel32.SECURITY_ATTRIBUTES { bInheritHandle = RuntimeStyle.Interop.BOOL.TRUE };
            ok &= RuntimeStyle.Interop.Kernel32.CreatePipe(out SafeFileHandle rr, out SafeFileHandle rw, ref runtimeAttributes, 0);
            ok &= RuntimeStyle.Interop.Kernel32.DuplicateHandle(IntPtr.Zero, rr, IntPtr.Zero, out SafeFileHandle rd, 0, false, 2);

            ok &= ReferenceSource.NativeMethods.CreatePipe(out SafeFileHandle fr, out SafeFileHandle fw, new ReferenceSource.NativeMethods.SECURITY_ATTRIBUTES { bInheritHandle = true }, 0);
            ok &= ReferenceSource.NativeMethods.DuplicateHandle(new HandleRef(null, IntPtr.Zero), fr, new HandleRef(null, IntPtr.Zero), out SafeWaitHandle waitHandle, 0, false, 2);
            Func<int, bool, int, SafeProcessHandle> openProcess = ReferenceSource.NativeMethods.OpenProcess;
            Delegate boxed = new Func<int, bool, int, SafeProcessHandle>(ReferenceSource.NativeMethods.OpenProcess);

            CsWin32Style.HANDLE a, b;
            CsWin32Style.BOOL made = CsWin32Style.PInvoke.CreatePipe(&a, &b, null, 0);

            IntPtr self = Open<ProcessApi>();
            GC.KeepAlive(new object[] { file, ok, duplicate, open, pipe, r, w, openSafe, vr, vw, rw, rd, fw, waitHandle, openProcess, boxed, made, self });
        }

        private static IntPtr Open<T>() where T : IProcessOpener => T.OpenProcess(0x400, false, 1);
    }
}
