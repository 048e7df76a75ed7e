using System;
using System.IO;
using System.Text;
using Cloexec;

namespace BindingStyles
{
    /// <summary>
    /// Every creator of the corpus styles, called the way its users call it. A method whose signature something else
    /// depends on (an interface member, a delegate) keeps it after the conversion: its caller chooses with a
    /// <see cref="CloexecDefault.Override(bool)"/> scope instead of the <c>cloexec</c> argument.
    /// </summary>
    internal static unsafe partial class Program
    {
        // O_CREAT | O_RDWR and mode 0600 (Linux's asm-generic/fcntl.h).
        private const int CreateReadWrite = 0x42;
        private const int Mode0600 = 0x180;

        private static void RunCorpus(string directory)
        {
            Check("Terminal.Pty.openpty (libutil.so.1, out int)", c =>
            {
                var size = new Corpus.Terminal.winsize { ws_row = 24, ws_col = 80 };
                if (Corpus.Terminal.Pty.openpty(out int master, out int slave, IntPtr.Zero, IntPtr.Zero, ref size, c) != 0)
                {
                    return -1;
                }

                Same("openpty", master, slave);
                return master;
            });
            Check("Devices.Interop.open ([MarshalAs(LPStr)])", c => Named(directory, "devices", p => Corpus.Devices.Interop.open(p, (Corpus.Devices.FileOpenFlags)CreateReadWrite, c)));
            Check("Instruments.Interop.open (CharSet.Unicode + LPStr, ExactSpelling)", c => Named(directory, "instruments", p => Corpus.Instruments.Interop.open(p, CreateReadWrite, c)));
            Check("Game.Libc.open (default CharSet)", c => Named(directory, "game", p => Corpus.Game.Libc.open(p, CreateReadWrite, c)));
            Check("Messaging.UnixSocket.socket (protected)", c => MessagingProbe.Socket(c));
            Check("Snippets.Open (SafeHandle result)", c => Named(directory, "snippets", p => Released(Corpus.Snippets.UnsafeNativeMethods.Open(p, CreateReadWrite, Mode0600, c))));
            Check("Snippets.Dup (used as a delegate: signature kept)", c => WithFd(fd => Scoped(c, () => Corpus.Snippets.UnsafeNativeMethods.DupOf(fd))));
            Check("RuntimeStyle.open (mode_t alias)", c => Named(directory, "runtime", p => Corpus.RuntimeStyle.Interop.libc.open(p, (Corpus.RuntimeStyle.Interop.libc.OpenFlags)CreateReadWrite, Mode0600, c)));
            Check("RuntimeStyle.pipe2 (int*, enum)", c => Pair(fds => Corpus.RuntimeStyle.Interop.libc.pipe2((int*)fds, 0, c)));
            Check("RuntimeStyle.mkstemps -> mkstemps64 (byte[])", c => Template(directory, "-XXXXXX.tmp", t => Corpus.RuntimeStyle.Interop.libc.mkstemps(t, 4, c)));
            Check("IoRing.EventFd.eventfd", c => Corpus.IoRing.EventFd.eventfd(0, 0, c));
            Check("TmdsFork.LibC.eventfd (spaced)", c => Corpus.TmdsFork.LibC.eventfd(0, 0, c));
            Check("TmdsFork.LibC.inotify_init ()", c => Corpus.TmdsFork.LibC.inotify_init(c));
            Check("PollGroup.Linux_x64.epoll_create1 (static abstract: signature kept)", c => Scoped(c, Corpus.PollGroup.Poller.Create<Corpus.PollGroup.Linux_x64>));
            Check("Video.Libc.open ([LibraryImport], XML docs)", c => Named(directory, "video", p => Corpus.Video.Libc.open(p, (Corpus.Video.OpenFlags)CreateReadWrite, c)));
            Check("SmallWrappers.Libc.dup", c => WithFd(fd => Corpus.SmallWrappers.Libc.dup(fd, c)));
            Check("Launcher.Libc.pipe2 (int[])", c => Array2(fds => Corpus.Launcher.Libc.pipe2(fds, 0, c)));
            Check("Launcher.Libc.dup2", c => WithFd(fd => Corpus.Launcher.Libc.dup2(fd, 210, c)));
            Check("Emulator.POSIXLibC.memfd_create", c => Corpus.Emulator.POSIXLibC.memfd_create("é-emulator", 0, c));
            Check("Timers.TimerCreate -> timerfd_create (enums)", c => Corpus.Timers.Timers.TimerCreate(Corpus.Timers.ClockID.Monotonic, Corpus.Timers.TimerFlag.None, c));
            Check("Network.UnixSock.socket (SuppressGCTransition, private)", c => Scoped(c, () => Corpus.Network.UnixSock.Create(stream: true)));
            Check("Network.EPoll.epoll_create1", c => Corpus.Network.EPoll.epoll_create1(Corpus.Network.EPoll.epoll_flags.NONE, c));
            Check("Temporary.TempFiles.mkstemp (StringBuilder, private)", c => Scoped(c, () => Corpus.Temporary.TempFiles.Create(new StringBuilder(Path.Combine(directory, "é-stringbuilder-XXXXXX")))));
            Check("Temporary.Credentials.OpenStore (CustomMarshaler)", c => Named(directory, "credentials", p => Corpus.Temporary.Credentials.OpenStore(p, CreateReadWrite, Mode0600, c)));
            Check("HighResolution.timerfd_create", c => Corpus.HighResolution.Interop.timerfd_create(Corpus.HighResolution.Interop.ClockIds.CLOCK_MONOTONIC, 0, c));
        }

        /// <summary>A derived class reaches the protected import, with the cloexec parameter the conversion gave it.</summary>
        private sealed class MessagingProbe : Corpus.Messaging.UnixSocket
        {
            public static int Socket(bool? cloexec) => socket(AF_UNIX, SOCK_STREAM, 0, cloexec);
        }

        /// <summary>
        /// Creates a file under a name that is not ASCII; the file must then exist under exactly that name, or the path
        /// changed on its way to the kernel.
        /// </summary>
        private static int Named(string directory, string name, Func<string, int> create)
        {
            string path = Path.Combine(directory, "é-ü-日本-" + name + "-" + Guid.NewGuid().ToString("N"));
            int fd = create(path);
            if (fd >= 0 && !File.Exists(path))
            {
                s_failures.Add($"{name}: no file named {path}: the path changed on its way");
            }

            return fd;
        }

        private static int Template(string directory, string suffix, Func<byte[], int> create)
        {
            byte[] template = Encoding.UTF8.GetBytes(Path.Combine(directory, "é-template" + suffix) + "\0");
            return create(template);
        }

        private static int Array2(Func<int[], int> create)
        {
            int[] fds = [-1, -1];
            if (create(fds) != 0)
            {
                return -1;
            }

            Same("pair", fds[0], fds[1]);
            return fds[0];
        }

        private static int Released(System.Runtime.InteropServices.SafeHandle handle)
        {
            int fd = (int)handle.DangerousGetHandle();
            handle.SetHandleAsInvalid();
            return fd;
        }

        /// <summary>A call whose signature has no cloexec parameter: the caller's choice is a scope around it.</summary>
        private static int Scoped(bool? cloexec, Func<int> create)
        {
            if (cloexec is not { } value)
            {
                return create();
            }

            using (CloexecDefault.Override(value))
            {
                return create();
            }
        }

        /// <summary>The second descriptor must agree with the first, which the caller checks; it is closed here.</summary>
        private static void Same(string what, int first, int second)
        {
            int a = Native.LibC.fcntl(first, Native.LibC.F_GETFD) & Native.LibC.FD_CLOEXEC;
            int b = Native.LibC.fcntl(second, Native.LibC.F_GETFD) & Native.LibC.FD_CLOEXEC;
            Native.LibC.close(second);
            if (a != b)
            {
                s_failures.Add($"{what} ({first}, {second}): FD_CLOEXEC {a} and {b}");
            }
        }
    }
}
