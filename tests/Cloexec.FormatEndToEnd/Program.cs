using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using BindingStyles;
using BindingStyles.Native;

// A Linux binding says so: the variadic open/openat declarations are then no concern for Apple arm64 (CLOEXEC0100).
[assembly: SupportedOSPlatform("linux")]

namespace BindingStyles
{
    /// <summary>
    /// Every descriptor creator of the bindings, called twice: with the default (close-on-exec expected) and with
    /// <c>cloexec: false</c> (inheritable expected), each result read back with fcntl(F_GETFD). Exits 1 on any mismatch.
    /// It compiles only once `dotnet format` has converted the raw imports: the calls below pass <c>cloexec</c>.
    /// </summary>
    internal static unsafe partial class Program
    {
        private static readonly List<string> s_failures = [];
        private static int s_checked;

        private static int Main()
        {
            string directory = Path.Combine(Path.GetTempPath(), "cloexec-e2e-" + Environment.ProcessId);
            Directory.CreateDirectory(directory);
            try
            {
                RunAll(directory);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }

            Console.WriteLine($"{s_checked} calls checked, {s_failures.Count} failed");
            foreach (string failure in s_failures)
            {
                Console.Error.WriteLine("FAIL " + failure);
            }

            return s_failures.Count == 0 && s_checked > 0 ? 0 : 1;
        }

        private static void RunAll(string directory)
        {
            byte[] devNull = CString("/dev/null");
            byte[] tmp = CString(directory);
            fixed (byte* path = devNull)
            fixed (byte* dir = tmp)
            {
                byte* p = path;
                byte* d = dir;
                Check("LibC.open (mode_t default)", c => LibC.open(p, (int)OpenFlags.O_RDONLY, cloexec: c));
                Check("LibC.openat", c => LibC.openat(LibC.AT_FDCWD, p, (int)OpenFlags.O_RDONLY, default, c));
                Check("LibC.creat (mode_t)", c => InFile(directory, "creat", f => LibC.creat((byte*)f, 0x180u, c)));
                Check("LargeFile.open -> open64", c => LargeFile.open(p, (int)OpenFlags.O_RDONLY, cloexec: c));
                Check("LargeFile.openat -> openat64", c => LargeFile.openat(LibC.AT_FDCWD, p, (int)OpenFlags.O_RDONLY, cloexec: c));
                Check("LargeFile.creat -> creat64", c => InFile(directory, "creat64", f => LargeFile.creat((byte*)f, 0x180u, c)));
                Check("LibC.open_by_handle_at", c => OpenByHandle(d, c));
                Check("Methods.open (sbyte*, [NativeTypeName])", c => Methods.open((sbyte*)p, (int)OpenFlags.O_RDONLY, c));
            }

            Check("LibC.pipe (int*)", c => Pair(fds => LibC.pipe((int*)fds, c)));
            Check("LibC.pipe2 (int*)", c => Pair(fds => LibC.pipe2((int*)fds, 0, c)));
            Check("LibC.socketpair (int*)", c => Pair(fds => LibC.socketpair(LibC.AF_UNIX, LibC.SOCK_STREAM, 0, (int*)fds, c)));
            Check("LibC.dup", c => WithFd(fd => LibC.dup(fd, c)));
            Check("LibC.dup2", c => WithFd(fd => LibC.dup2(fd, 200, c)));
            Check("LibC.dup3", c => WithFd(fd => LibC.dup3(fd, 201, 0, c)));
            Check("LibC.mkstemp", c => Temporary(directory, t => LibC.mkstemp((byte*)t, c)));
            Check("LibC.mkostemp", c => Temporary(directory, t => LibC.mkostemp((byte*)t, 0, c)));
            Check("LibC.socket", c => LibC.socket(LibC.AF_UNIX, LibC.SOCK_STREAM, 0, c));
            Check("LibC.accept (socklen_t*)", c => Accepted((l, a, n) => LibC.accept(l, (void*)a, (socklen_t*)n, c)));
            Check("LibC.accept4", c => Accepted((l, a, n) => LibC.accept4(l, (void*)a, (socklen_t*)n, 0, c)));
            Check("LibC.recvmsg (msghdr*, ssize_t)", c => Received(false, c));
            Check("LibC.recvmmsg (mmsghdr*)", c => Received(true, c));
            Check("Syscall.sys_open (string, enum)", c => Syscall.sys_open("/dev/null", OpenFlags.O_RDONLY, 0, c));
            Check("Syscall.sys_eventfd", c => Syscall.sys_eventfd(0, 0, c));
            Check("Methods.eventfd ([NativeTypeName])", c => Methods.eventfd(0, 0, c));
            Check("Syscall.sys_epoll_create1", c => Syscall.sys_epoll_create1(0, c));
            Check("Syscall.sys_inotify_init1", c => Syscall.sys_inotify_init1(0, c));
            Check("Syscall.sys_memfd_create (string)", c => Syscall.sys_memfd_create("e2e", 0, c));
            Check("Syscall.sys_timerfd_create", c => Syscall.sys_timerfd_create(1, 0, c));
            Check("Interop.Libc.SignalFd", c => { ulong mask = 0; return Interop.Libc.SignalFd(-1, &mask, 0, c); });
            Check("Interop.Libc.EPollCreate", c => Interop.Libc.EPollCreate(1, c));
            Check("Interop.Libc.INotifyInit", c => Interop.Libc.INotifyInit(c));
            Check("Interop.Libc.PosixOpenPt (enum)", c => Interop.Libc.PosixOpenPt(OpenFlags.O_RDWR | OpenFlags.O_NOCTTY, c));
            Check("Modern.Open ([LibraryImport])", c => Modern.Open("/dev/null", OpenFlags.O_RDONLY, c));
            Check("Modern.Socket ([LibraryImport])", c => Modern.Socket(LibC.AF_UNIX, LibC.SOCK_DGRAM, 0, c));

            RunCorpus(directory);

            // The public face of the Mono-style binding still compiles and, saying nothing, gets the default.
            Check("Syscall.open (wrapper, default only)", c => c is null ? Syscall.open("/dev/null", OpenFlags.O_RDONLY) : Syscall.sys_open("/dev/null", OpenFlags.O_RDONLY, 0, c));
        }

        /// <summary>Creates with the default, then with cloexec: false; each descriptor's FD_CLOEXEC must say so.</summary>
        private static void Check(string name, Func<bool?, int> create)
        {
            foreach (bool? cloexec in new bool?[] { null, false })
            {
                int fd = create(cloexec);
                string call = $"{name} (cloexec: {(cloexec is null ? "default" : "false")})";
                if (fd == Skipped)
                {
                    Console.WriteLine($"skip {call}: refused by this machine");
                    continue;
                }

                s_checked++;
                if (fd < 0)
                {
                    s_failures.Add($"{call}: returned {fd}, errno {Marshal.GetLastPInvokeError()}");
                    continue;
                }

                int flags = LibC.fcntl(fd, LibC.F_GETFD);
                bool isCloexec = (flags & LibC.FD_CLOEXEC) != 0;
                bool expected = cloexec is null;
                Console.WriteLine($"{(flags >= 0 && isCloexec == expected ? "ok  " : "FAIL")} {call}: fd {fd}, FD_CLOEXEC {(isCloexec ? "set" : "clear")}");
                if (flags < 0 || isCloexec != expected)
                {
                    s_failures.Add($"{call}: fd {fd} has FD_CLOEXEC {(isCloexec ? "set" : "clear")} (F_GETFD {flags})");
                }

                LibC.close(fd);
            }
        }

        private const int Skipped = int.MinValue;

        private static byte[] CString(string text) => Encoding.UTF8.GetBytes(text + "\0");

        private static int InFile(string directory, string name, Func<IntPtr, int> create)
        {
            byte[] path = CString(Path.Combine(directory, name));
            fixed (byte* p = path)
            {
                return create((IntPtr)p);
            }
        }

        private static int Temporary(string directory, Func<IntPtr, int> create)
        {
            byte[] template = CString(Path.Combine(directory, "tmp-XXXXXX"));
            fixed (byte* t = template)
            {
                int fd = create((IntPtr)t);
                LibC.unlink(t);
                return fd;
            }
        }

        /// <summary>Both descriptors of a pair must agree: the second is checked here, the first returned.</summary>
        private static int Pair(Func<IntPtr, int> create)
        {
            int* fds = stackalloc int[2] { -1, -1 };
            if (create((IntPtr)fds) != 0)
            {
                return -1;
            }

            int first = LibC.fcntl(fds[0], LibC.F_GETFD) & LibC.FD_CLOEXEC;
            int second = LibC.fcntl(fds[1], LibC.F_GETFD) & LibC.FD_CLOEXEC;
            LibC.close(fds[1]);
            if (first != second)
            {
                s_failures.Add($"pair ({fds[0]}, {fds[1]}): FD_CLOEXEC {first} and {second}");
            }

            return fds[0];
        }

        private static int WithFd(Func<int, int> duplicate)
        {
            int source = LibC.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM, 0);
            int fd = duplicate(source);
            LibC.close(source);
            return fd;
        }

        private static int OpenByHandle(byte* path, bool? cloexec)
        {
            file_handle handle = default;
            handle.handle_bytes = 128;
            int mountId;
            if (LibC.name_to_handle_at(LibC.AT_FDCWD, path, &handle, &mountId, 0) != 0)
            {
                return Skipped; // the file system exports no handles
            }

            int mountFd = LibC.open(path, (int)(OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY));
            int fd = LibC.open_by_handle_at(mountFd, &handle, (int)(OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY), cloexec);
            int errno = Marshal.GetLastPInvokeError();
            LibC.close(mountFd);
            return fd < 0 && errno == 1 ? Skipped : fd; // EPERM: no CAP_DAC_READ_SEARCH here
        }

        /// <summary>A connection accepted on a listening AF_UNIX socket in the abstract namespace.</summary>
        private static int Accepted(Func<int, IntPtr, IntPtr, int> accept)
        {
            byte* address = stackalloc byte[110];
            byte[] name = Encoding.ASCII.GetBytes("cloexec-e2e-" + Environment.ProcessId + "-" + s_checked);
            address[0] = LibC.AF_UNIX;
            address[1] = 0;
            address[2] = 0; // abstract: no file
            for (int i = 0; i < name.Length; i++)
            {
                address[3 + i] = name[i];
            }

            int length = 3 + name.Length;
            int listener = LibC.socket(LibC.AF_UNIX, LibC.SOCK_STREAM, 0);
            int client = LibC.socket(LibC.AF_UNIX, LibC.SOCK_STREAM, 0);
            int fd = -1;
            if (LibC.bind(listener, address, length) == 0 && LibC.listen(listener, 1) == 0 && LibC.connect(client, address, length) == 0)
            {
                socklen_t peerLength = 110;
                byte* peer = stackalloc byte[110];
                fd = accept(listener, (IntPtr)peer, (IntPtr)(&peerLength));
            }

            LibC.close(client);
            LibC.close(listener);
            return fd;
        }

        /// <summary>A descriptor received through SCM_RIGHTS, with recvmsg or recvmmsg.</summary>
        private static int Received(bool many, bool? cloexec)
        {
            int* pair = stackalloc int[2];
            if (LibC.socketpair(LibC.AF_UNIX, LibC.SOCK_DGRAM, 0, pair) != 0)
            {
                return -1;
            }

            int sent = LibC.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM, 0, cloexec: false);
            byte payload = 42;
            // cmsghdr (16 bytes) then one int, padded to 8: CMSG_SPACE(sizeof(int)) on 64-bit Linux.
            byte* control = stackalloc byte[24];
            var iov = new iovec { iov_base = &payload, iov_len = 1 };
            var header = (cmsghdr*)control;
            header->cmsg_len = 20;
            header->cmsg_level = LibC.SOL_SOCKET;
            header->cmsg_type = LibC.SCM_RIGHTS;
            *(int*)(control + 16) = sent;
            var message = new msghdr { msg_iov = &iov, msg_iovlen = 1, msg_control = control, msg_controllen = 24 };
            long written = LibC.sendmsg(pair[0], &message, 0);
            LibC.close(sent);

            byte received = 0;
            byte* receivedControl = stackalloc byte[24];
            var receivedIov = new iovec { iov_base = &received, iov_len = 1 };
            var receivedMessage = new msghdr { msg_iov = &receivedIov, msg_iovlen = 1, msg_control = receivedControl, msg_controllen = 24 };
            long read;
            if (many)
            {
                var messages = new mmsghdr { msg_hdr = receivedMessage };
                read = LibC.recvmmsg(pair[1], &messages, 1, 0, null, cloexec);
                receivedMessage = messages.msg_hdr;
            }
            else
            {
                read = LibC.recvmsg(pair[1], &receivedMessage, 0, cloexec);
            }

            LibC.close(pair[0]);
            LibC.close(pair[1]);
            if (written != 1 || read != 1 || ((cmsghdr*)receivedControl)->cmsg_type != LibC.SCM_RIGHTS)
            {
                return -1;
            }

            return *(int*)(receivedControl + 16);
        }
    }
}
