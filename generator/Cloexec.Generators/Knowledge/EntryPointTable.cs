using System.Collections.Generic;
using System.Linq;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Knowledge;

/// <summary>
/// The descriptor-creating entry points of the Unix libcs and of Windows (kernel32, ws2_32, the CRT), as data;
/// everything else reads this table. A row belongs to one platform: the declaration's library picks which.
/// </summary>
internal static class EntryPointTable
{
    internal const string FlagPlaceholder = "{flag}";

    private static readonly EntryPointInfo[] s_entries =
    [
        Flagged("open", CloexecFlag.Open, AtomicWay.OpenFlag, flagArgument: 1),
        Flagged("openat", CloexecFlag.Open, AtomicWay.OpenFlag, flagArgument: 2),
        Flagged("pipe2", CloexecFlag.Open, AtomicWay.Pipe2, flagArgument: 1, DescriptorOutput.Pair, outputArgument: 0),
        Flagged("dup3", CloexecFlag.Open, AtomicWay.Dup3, flagArgument: 2),
        Flagged("mkostemp", CloexecFlag.Open, AtomicWay.Mkostemp, flagArgument: 1),
        Flagged("posix_openpt", CloexecFlag.Open, AtomicWay.OpenFlag, flagArgument: 0),
        Flagged("socket", CloexecFlag.Socket, AtomicWay.SocketFlag, flagArgument: 1),
        Flagged("socketpair", CloexecFlag.Socket, AtomicWay.SocketFlag, flagArgument: 1, DescriptorOutput.Pair, outputArgument: 3),
        Flagged("accept4", CloexecFlag.Socket, AtomicWay.Accept4, flagArgument: 3) with { Blocking = WaitsFirst },
        Flagged("epoll_create1", CloexecFlag.EPoll, AtomicWay.EPollCreate1, flagArgument: 0),
        Flagged("eventfd", CloexecFlag.EventFd, AtomicWay.EventFdFlag, flagArgument: 1),
        Flagged("inotify_init1", CloexecFlag.Inotify, AtomicWay.InotifyInit1, flagArgument: 0),
        Flagged("memfd_create", CloexecFlag.MemFd, AtomicWay.MemFdFlag, flagArgument: 1),
        Flagged("timerfd_create", CloexecFlag.TimerFd, AtomicWay.TimerFdFlag, flagArgument: 1),
        Flagged("signalfd", CloexecFlag.SignalFd, AtomicWay.SignalFdFlag, flagArgument: 2, passThroughWhen: "{0} != -1"),
        Flagged("recvmsg", CloexecFlag.ReceiveMessage, AtomicWay.ReceiveMessageFlag, flagArgument: 2, DescriptorOutput.ReceivedRights, outputArgument: 1) with { Blocking = RetriesWithoutBlocking },
        // glibc's large-file names (fcntl.h under _FILE_OFFSET_BITS=64 / _LARGEFILE64_SOURCE): the same calls, with
        // O_LARGEFILE implied on 32-bit targets. open(2), "open64"; musl exports them as aliases too.
        Flagged("open64", CloexecFlag.Open, AtomicWay.OpenFlag, flagArgument: 1),
        Flagged("openat64", CloexecFlag.Open, AtomicWay.OpenFlag, flagArgument: 2),
        // open_by_handle_at(mount_fd, struct file_handle *handle, int flags): open_by_handle_at(2), Linux 2.6.39;
        // flags are open(2)'s, the open flag included.
        Flagged("open_by_handle_at", CloexecFlag.Open, AtomicWay.OpenFlag, flagArgument: 2),
        // recvmmsg(fd, struct mmsghdr *msgvec, unsigned vlen, int flags, struct timespec *timeout): recvmmsg(2),
        // Linux 2.6.33; flags are recvmsg(2)'s, its flag included, and apply to every message received.
        // openat2(dirfd, path, struct open_how *how, size_t size): openat2(2), Linux 5.6; the open flag goes in how->flags
        // (a u64, the struct's first field, linux/openat2.h): the wrapper passes its own copy of the caller's `size`
        // bytes. glibc 2.36 does not export it (a syscall): for shims and libraries under this name.
        new("openat2", NativePlatform.Unix, CloexecFlag.Open, AtomicWay.OpenFlag, FlagPlacement.StructCopy, 2, DescriptorOutput.ReturnValue, -1, null, null),
        Flagged("recvmmsg", CloexecFlag.ReceiveMessage, AtomicWay.ReceiveMessageFlag, flagArgument: 3, DescriptorOutput.ReceivedRightsMessages, outputArgument: 1) with { Blocking = RetriesWithoutBlocking },
        // mkostemps(template, suffixlen, flags): mkstemp(3), glibc 2.11, macOS 10.12, FreeBSD; the 64 names are glibc's
        // large-file aliases (stdlib.h).
        Flagged("mkostemps", CloexecFlag.Open, AtomicWay.Mkostemp, flagArgument: 2),
        Flagged("mkostemp64", CloexecFlag.Open, AtomicWay.Mkostemp, flagArgument: 1),
        Flagged("mkostemps64", CloexecFlag.Open, AtomicWay.Mkostemp, flagArgument: 2),
        // fanotify_init(flags, event_f_flags): fanotify_init(2), linux/fanotify.h. The event descriptors
        // read() hands out later take the open flag in event_f_flags (honoured from Linux 3.18): the caller's to pass.
        Flagged("fanotify_init", CloexecFlag.Fanotify, AtomicWay.FanotifyFlag, flagArgument: 0),
        // perf_event_open(attr, pid, cpu, group_fd, unsigned long flags): perf_event_open(2), its flag since
        // Linux 3.14. No C library exports it (a syscall): for libraries and shims that export it under this name.
        Flagged("perf_event_open", CloexecFlag.PerfEvent, AtomicWay.PerfEventFlag, flagArgument: 4),
        // userfaultfd(flags) and memfd_secret(flags) take the open flag (userfaultfd(2); mm/secretmem.c, where man-pages 6.03
        // wrongly says FD_CLOEXEC). Syscalls that glibc 2.36 does not export: for shims under these names.
        Flagged("userfaultfd", CloexecFlag.Open, AtomicWay.OpenFlag, flagArgument: 0),
        Flagged("memfd_secret", CloexecFlag.Open, AtomicWay.OpenFlag, flagArgument: 0),
        // The mount API (Linux 5.2, glibc 2.36 sys/mount.h): open_tree(dfd, path, flags) takes a flag linux/mount.h
        // defines as the open one; fsopen(fsname, flags), fspick(dfd, path, flags) and fsmount(fs_fd, flags,
        // attr_flags) take the Mount family's.
        Flagged("open_tree", CloexecFlag.Open, AtomicWay.OpenFlag, flagArgument: 2),
        Flagged("fsopen", CloexecFlag.Mount, AtomicWay.MountFlag, flagArgument: 1),
        Flagged("fspick", CloexecFlag.Mount, AtomicWay.MountFlag, flagArgument: 2),
        Flagged("fsmount", CloexecFlag.Mount, AtomicWay.MountFlag, flagArgument: 1),

        // Streams: 'e' in the mode string is the open flag in glibc (2.7; libio/fileops.c, freopen keeps the number with
        // dup3) and FreeBSD (lib/libc/stdio/flags.c); popen's 'e' (glibc 2.9 libio/iopopen.c, FreeBSD gen/popen.c)
        // keeps the parent's end close-on-exec. macOS ignores 'e' in fopen and refuses it in popen: there the way does
        // not exist and the flag is set after creation, through fileno.
        Stream("fopen", modeArgument: 1),
        Stream("fopen64", modeArgument: 1),
        // freopen: glibc libio/freopen.c dup3s onto the old number with the open flag when the FILE's flags say so, and
        // those keep the 'e' of the stream's first open: seen here, freopen(path, "r", a stream opened "re") stays
        // close-on-exec.
        Stream("freopen", modeArgument: 1, DescriptorOutput.ReopenedStream),
        Stream("freopen64", modeArgument: 1, DescriptorOutput.ReopenedStream),
        Stream("popen", modeArgument: 1, DescriptorOutput.ProcessStream),
        // tmpfile(void): no flag anywhere (glibc stdio-common/tmpfile.c, Apple Libc and FreeBSD use mkstemp).
        Unflagged("tmpfile", DescriptorOutput.Stream),
        Unflagged("tmpfile64", DescriptorOutput.Stream),
        // openpty(int *amaster, int *aslave, name, termp, winp): no flag on any of the three (glibc login/openpty.c,
        // Apple Libc util/pty.c, FreeBSD lib/libutil/pty.c): both descriptors are set after creation.
        Unflagged("openpty", DescriptorOutput.TwoOutPointers, outputArgument: 0),

        // Always close-on-exec: the call sets the flag itself, so raw imports are no leak; cloexec: false clears it.
        // opendir: glibc sysdeps/unix/sysv/linux/opendir.c, Apple Libc gen/FreeBSD/opendir.c, FreeBSD gen/opendir.c.
        Always("opendir", DescriptorOutput.Directory),
        // shm_open: glibc rt/shm_open.c adds the open flag, xnu posix_shm.c and FreeBSD uipc_shm.c set it (POSIX asks it).
        Always("shm_open"),
        // mq_open: Linux ipc/mqueue.c get_unused_fd_flags(O_CLOEXEC). FreeBSD's kmq_open sets it too, but there mqd_t
        // is a pointer (sys/mqueue.h), not a descriptor: made as declared, nothing is cleared.
        Always("mq_open", passThroughWhen: "!global::System.OperatingSystem.IsLinux()"),
        // pidfd_open(pid, flags), pidfd_getfd(pidfd, targetfd, flags): pidfd_open(2), pidfd_getfd(2); glibc 2.36.
        Always("pidfd_open"),
        Always("pidfd_getfd"),
        // io_uring_setup(entries, params): io_uring/io_uring.c io_uring_install_fd (O_RDWR | O_CLOEXEC); exported by
        // liburing, not by glibc.
        Always("io_uring_setup"),
        // landlock_create_ruleset(attr, size, flags): security/landlock/syscalls.c (O_RDWR | O_CLOEXEC); with
        // LANDLOCK_CREATE_RULESET_VERSION (1U << 0, linux/landlock.h) it returns the ABI version, not a descriptor.
        Always("landlock_create_ruleset", passThroughWhen: "({2} & 1) != 0"),
        // bpf(cmd, attr, size): bpf(2) "close-on-exec ... automatically enabled". Only these commands of linux/bpf.h's
        // enum bpf_cmd return a descriptor: MAP_CREATE 0, PROG_LOAD 5, OBJ_GET 7, PROG_GET_FD_BY_ID 13,
        // MAP_GET_FD_BY_ID 14, RAW_TRACEPOINT_OPEN 17, BTF_LOAD 18, BTF_GET_FD_BY_ID 19, LINK_CREATE 28,
        // LINK_GET_FD_BY_ID 30, ENABLE_STATS 32, ITER_CREATE 33, TOKEN_CREATE 36 (6.9).
        Always("bpf", passThroughWhen: "!((int){0} is 0 or 5 or 7 or 13 or 14 or 17 or 18 or 19 or 28 or 30 or 32 or 33 or 36)"),

        Legacy("pipe", CloexecFlag.Open, AtomicWay.Pipe2, Sibling("pipe2", Arg(0), Flag), DescriptorOutput.Pair, outputArgument: 0),
        Legacy("dup", CloexecFlag.Open, AtomicWay.DupFdCloexec, Sibling("fcntl", Arg(0), Value("DupFdCloexecCommand"), "0")),
        Legacy("dup2", CloexecFlag.Open, AtomicWay.Dup3, Sibling("dup3", Arg(0), Arg(1), Flag), passThroughWhen: "{0} == {1}"),
        Legacy("accept", CloexecFlag.Socket, AtomicWay.Accept4, Sibling("accept4", Arg(0), Arg(1), Arg(2), Flag)) with { Blocking = WaitsFirst },
        Legacy("creat", CloexecFlag.Open, AtomicWay.OpenFlag, Sibling("open", Arg(0), Value("CreatFlags") + " | " + Flag, Arg(1))),
        Legacy("creat64", CloexecFlag.Open, AtomicWay.OpenFlag, Sibling("open64", Arg(0), Value("CreatFlags") + " | " + Flag, Arg(1))),
        Legacy("epoll_create", CloexecFlag.EPoll, AtomicWay.EPollCreate1, Sibling("epoll_create1", Flag), passThroughWhen: "{0} <= 0"),
        Legacy("inotify_init", CloexecFlag.Inotify, AtomicWay.InotifyInit1, Sibling("inotify_init1", Flag)),
        Legacy("mkstemp", CloexecFlag.Open, AtomicWay.Mkostemp, Sibling("mkostemp", Arg(0), Flag)),
        Legacy("mkstemp64", CloexecFlag.Open, AtomicWay.Mkostemp, Sibling("mkostemp64", Arg(0), Flag)),
        Legacy("mkstemps", CloexecFlag.Open, AtomicWay.Mkostemp, Sibling("mkostemps", Arg(0), Arg(1), Flag)),
        Legacy("mkstemps64", CloexecFlag.Open, AtomicWay.Mkostemp, Sibling("mkostemps64", Arg(0), Arg(1), Flag)),
        // getpt(void): glibc sysdeps/unix/sysv/linux/getpt.c is posix_openpt(O_RDWR), without the open flag.
        Legacy("getpt", CloexecFlag.Open, AtomicWay.OpenFlag, Sibling("posix_openpt", Value("GetptFlags") + " | " + Flag)),
        // kqueue(void): macOS always makes it close-on-exec (xnu bsd/kern/kern_event.c), FreeBSD never; FreeBSD 14's
        // kqueuex with its flag (kqueue(2)) replaces it there. Elsewhere the flag is set after creation.
        Legacy("kqueue", CloexecFlag.Kqueue, AtomicWay.Kqueuex, Sibling("kqueuex", Flag)),

        // Windows. Argument positions from the Windows SDK prototypes: fileapi.h CreateFileW(name, access, share,
        // SECURITY_ATTRIBUTES*, disposition, flags, template); namedpipeapi.h CreatePipe(HANDLE* read, HANDLE* write,
        // SECURITY_ATTRIBUTES*, size); handleapi.h DuplicateHandle(srcProcess, src, dstProcess, HANDLE* dst, access,
        // BOOL inherit, options); winsock2.h WSASocketW(af, type, protocol, info, group, DWORD flags); ucrt io.h
        // _open/_wopen(path, oflag, ...), _pipe(int* fds, unsigned size, int textmode), _dup(fd).
        Windows("CreateFileW", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 3),
        Windows("CreateFileA", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 3),
        Windows("CreatePipe", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 2, DescriptorOutput.OutArguments),
        Windows("DuplicateHandle", CloexecFlag.InheritHandleArgument, AtomicWay.InheritHandleArgument, FlagPlacement.InheritBool, flagArgument: 5, DescriptorOutput.OutArguments),
        Windows("WSASocketW", CloexecFlag.WsaNoHandleInherit, AtomicWay.WsaNoHandleInheritFlag, FlagPlacement.Bits, flagArgument: 5),
        Windows("WSASocketA", CloexecFlag.WsaNoHandleInherit, AtomicWay.WsaNoHandleInheritFlag, FlagPlacement.Bits, flagArgument: 5),
        Windows("_open", CloexecFlag.NoInherit, AtomicWay.NoInheritFlag, FlagPlacement.Bits, flagArgument: 1),
        Windows("_wopen", CloexecFlag.NoInherit, AtomicWay.NoInheritFlag, FlagPlacement.Bits, flagArgument: 1),
        Windows("_pipe", CloexecFlag.NoInherit, AtomicWay.NoInheritFlag, FlagPlacement.Bits, flagArgument: 2, DescriptorOutput.Pair, outputArgument: 0),
        // No flag at all: created, then made non-inheritable with SetHandleInformation.
        Windows("_dup", CloexecFlag.None, AtomicWay.None, FlagPlacement.AfterCreation, flagArgument: -1),
        // ucrt io.h _dup2(fd1, fd2): 0 or -1, fd2 becomes an inheritable duplicate of fd1; onto itself it duplicates
        // nothing, and the flag of the descriptor the caller already had is not this call's to change.
        Windows("_dup2", CloexecFlag.None, AtomicWay.None, FlagPlacement.AfterCreation, flagArgument: -1, DescriptorOutput.DuplicatedOnto, outputArgument: 1)
            with { PassThroughWhen = "{0} == {1}" },
        Windows("socket", CloexecFlag.None, AtomicWay.None, FlagPlacement.AfterCreation, flagArgument: -1),
        Windows("accept", CloexecFlag.None, AtomicWay.None, FlagPlacement.AfterCreation, flagArgument: -1),

        // Windows kernel objects, positions from the Windows SDK prototypes (the same in mingw-w64's headers).
        // winbase.h CreateNamedPipeW/A(name, openMode, pipeMode, maxInstances, outSize, inSize, timeout, SECURITY_ATTRIBUTES*):
        // INVALID_HANDLE_VALUE on failure.
        Windows("CreateNamedPipeW", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 7),
        Windows("CreateNamedPipeA", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 7),
        // fileapi.h CreateFile2(name, access, share, disposition, CREATEFILE2_EXTENDED_PARAMETERS*), whose
        // lpSecurityAttributes carries the choice: INVALID_HANDLE_VALUE on failure.
        Windows("CreateFile2", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.NestedStructCopy, flagArgument: 4),
        // The rest return NULL on failure. memoryapi.h/winbase.h CreateFileMappingW/A(file, SECURITY_ATTRIBUTES*, protect,
        // sizeHigh, sizeLow, name); synchapi.h CreateEventW(SECURITY_ATTRIBUTES*, manualReset, initialState, name),
        // CreateEventExW(SECURITY_ATTRIBUTES*, name, flags, access), CreateMutexW(SECURITY_ATTRIBUTES*, initialOwner, name),
        // CreateMutexExW(SECURITY_ATTRIBUTES*, name, flags, access), CreateSemaphoreW(SECURITY_ATTRIBUTES*, initial, maximum,
        // name) (winbase.h), CreateSemaphoreExW(SECURITY_ATTRIBUTES*, initial, maximum, name, flags, access),
        // CreateWaitableTimerW(SECURITY_ATTRIBUTES*, manualReset, name), CreateWaitableTimerExW(SECURITY_ATTRIBUTES*, name,
        // flags, access); jobapi2.h CreateJobObjectW(SECURITY_ATTRIBUTES*, name).
        WindowsNullOnFailure("CreateFileMappingW", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 1),
        WindowsNullOnFailure("CreateFileMappingA", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 1),
        WindowsNullOnFailure("CreateEventW", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        WindowsNullOnFailure("CreateEventExW", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        WindowsNullOnFailure("CreateMutexW", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        WindowsNullOnFailure("CreateMutexExW", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        WindowsNullOnFailure("CreateSemaphoreW", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        WindowsNullOnFailure("CreateSemaphoreExW", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        WindowsNullOnFailure("CreateWaitableTimerW", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        WindowsNullOnFailure("CreateWaitableTimerExW", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        WindowsNullOnFailure("CreateJobObjectW", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        // Their ANSI twins (winbase.h), what a declaration without CharSet binds: the same arguments, names as LPCSTR.
        WindowsNullOnFailure("CreateEventA", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        WindowsNullOnFailure("CreateEventExA", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        WindowsNullOnFailure("CreateMutexA", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        WindowsNullOnFailure("CreateMutexExA", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        WindowsNullOnFailure("CreateSemaphoreA", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        WindowsNullOnFailure("CreateSemaphoreExA", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        WindowsNullOnFailure("CreateWaitableTimerA", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        WindowsNullOnFailure("CreateWaitableTimerExA", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        WindowsNullOnFailure("CreateJobObjectA", CloexecFlag.SecurityAttributes, AtomicWay.SecurityAttributesInherit, FlagPlacement.StructCopy, flagArgument: 0),
        // Open* with a BOOL bInheritHandle second: processthreadsapi.h OpenProcess(access, inherit, pid), OpenThread(access,
        // inherit, tid); synchapi.h OpenEventW, OpenMutexW, OpenSemaphoreW(access, inherit, name); memoryapi.h
        // OpenFileMappingW(access, inherit, name). NULL on failure.
        WindowsNullOnFailure("OpenProcess", CloexecFlag.InheritHandleArgument, AtomicWay.InheritHandleArgument, FlagPlacement.InheritBool, flagArgument: 1),
        WindowsNullOnFailure("OpenThread", CloexecFlag.InheritHandleArgument, AtomicWay.InheritHandleArgument, FlagPlacement.InheritBool, flagArgument: 1),
        WindowsNullOnFailure("OpenEventW", CloexecFlag.InheritHandleArgument, AtomicWay.InheritHandleArgument, FlagPlacement.InheritBool, flagArgument: 1),
        WindowsNullOnFailure("OpenMutexW", CloexecFlag.InheritHandleArgument, AtomicWay.InheritHandleArgument, FlagPlacement.InheritBool, flagArgument: 1),
        WindowsNullOnFailure("OpenSemaphoreW", CloexecFlag.InheritHandleArgument, AtomicWay.InheritHandleArgument, FlagPlacement.InheritBool, flagArgument: 1),
        WindowsNullOnFailure("OpenFileMappingW", CloexecFlag.InheritHandleArgument, AtomicWay.InheritHandleArgument, FlagPlacement.InheritBool, flagArgument: 1),
        // jobapi2.h OpenJobObjectW(access, inherit, name); synchapi.h OpenWaitableTimerW(access, inherit, name); and the
        // ANSI twins of the Open* functions that take a name (winbase.h).
        WindowsNullOnFailure("OpenJobObjectW", CloexecFlag.InheritHandleArgument, AtomicWay.InheritHandleArgument, FlagPlacement.InheritBool, flagArgument: 1),
        WindowsNullOnFailure("OpenWaitableTimerW", CloexecFlag.InheritHandleArgument, AtomicWay.InheritHandleArgument, FlagPlacement.InheritBool, flagArgument: 1),
        WindowsNullOnFailure("OpenEventA", CloexecFlag.InheritHandleArgument, AtomicWay.InheritHandleArgument, FlagPlacement.InheritBool, flagArgument: 1),
        WindowsNullOnFailure("OpenMutexA", CloexecFlag.InheritHandleArgument, AtomicWay.InheritHandleArgument, FlagPlacement.InheritBool, flagArgument: 1),
        WindowsNullOnFailure("OpenSemaphoreA", CloexecFlag.InheritHandleArgument, AtomicWay.InheritHandleArgument, FlagPlacement.InheritBool, flagArgument: 1),
        WindowsNullOnFailure("OpenFileMappingA", CloexecFlag.InheritHandleArgument, AtomicWay.InheritHandleArgument, FlagPlacement.InheritBool, flagArgument: 1),
        WindowsNullOnFailure("OpenJobObjectA", CloexecFlag.InheritHandleArgument, AtomicWay.InheritHandleArgument, FlagPlacement.InheritBool, flagArgument: 1),
        WindowsNullOnFailure("OpenWaitableTimerA", CloexecFlag.InheritHandleArgument, AtomicWay.InheritHandleArgument, FlagPlacement.InheritBool, flagArgument: 1),
        // ucrt corecrt_io.h / corecrt_wio.h errno_t _sopen_s/_wsopen_s(int* fd, path, oflag, shflag, pmode): the
        // descriptor through the int*, the NoInherit family's flag in oflag.
        Windows("_sopen_s", CloexecFlag.NoInherit, AtomicWay.NoInheritFlag, FlagPlacement.Bits, flagArgument: 2, DescriptorOutput.OutDescriptor, outputArgument: 0),
        Windows("_wsopen_s", CloexecFlag.NoInherit, AtomicWay.NoInheritFlag, FlagPlacement.Bits, flagArgument: 2, DescriptorOutput.OutDescriptor, outputArgument: 0),
    ];

    private static readonly Dictionary<(string, NativePlatform), EntryPointInfo> s_byName = s_entries.ToDictionary(e => (e.Name, e.Platform));

    public static IReadOnlyList<EntryPointInfo> All => s_entries;

    public static EntryPointInfo? Find(string entryPoint, NativePlatform platform) =>
        s_byName.TryGetValue((entryPoint, platform), out EntryPointInfo? info) ? info : null;

    // Calls that block on their socket (argument 0) must not hold the fork lock while they do: see
    // runtime/Cloexec/Interop/DescriptorRuntime.Blocking.cs. Windows' accept is not among them (yet).
    private static BlockingInfo WaitsFirst => new(0, WaitShape.ReadableFirst);
    private static BlockingInfo RetriesWithoutBlocking => new(0, WaitShape.DontWaitFlag);

    // Sibling argument templates: a legacy argument, the flag's value, a runtime constant (CloexecFlagValues.Name).
    private const string Flag = FlagPlaceholder;

    private static string Arg(int index) => "{" + index + "}";

    private static string Value(string runtimeConstant) => "{CloexecFlagValues." + runtimeConstant + "}";

    private static SiblingInfo Sibling(string entryPoint, params string[] arguments) => new(entryPoint, arguments);

    private static EntryPointInfo Flagged(
        string name, CloexecFlag flag, AtomicWay way, int flagArgument, DescriptorOutput output = DescriptorOutput.ReturnValue, int outputArgument = -1, string? passThroughWhen = null) =>
        new(name, NativePlatform.Unix, flag, way, FlagFamilies.PlacementOf(flag), flagArgument, output, outputArgument, null, passThroughWhen);

    private static EntryPointInfo Stream(string name, int modeArgument, DescriptorOutput output = DescriptorOutput.Stream) =>
        new(name, NativePlatform.Unix, CloexecFlag.ModeString, AtomicWay.ModeStringE, FlagPlacement.ModeString, modeArgument, output, -1, null, null);

    private static EntryPointInfo Unflagged(string name, DescriptorOutput output, int outputArgument = -1) =>
        new(name, NativePlatform.Unix, CloexecFlag.None, AtomicWay.None, FlagPlacement.AfterCreation, -1, output, outputArgument, null, null);

    private static EntryPointInfo Always(string name, DescriptorOutput output = DescriptorOutput.ReturnValue, string? passThroughWhen = null) =>
        new(name, NativePlatform.Unix, CloexecFlag.None, AtomicWay.None, FlagPlacement.AlwaysCloexec, -1, output, -1, null, passThroughWhen);

    private static EntryPointInfo WindowsNullOnFailure(string name, CloexecFlag flag, AtomicWay way, FlagPlacement placement, int flagArgument) =>
        Windows(name, flag, way, placement, flagArgument, DescriptorOutput.HandleOrNull);

    private static EntryPointInfo Windows(
        string name, CloexecFlag flag, AtomicWay way, FlagPlacement placement, int flagArgument, DescriptorOutput output = DescriptorOutput.ReturnValue, int outputArgument = -1) =>
        new(name, NativePlatform.Windows, flag, way, placement, flagArgument, output, outputArgument, null, null);

    private static EntryPointInfo Legacy(
        string name, CloexecFlag flag, AtomicWay way, SiblingInfo sibling, DescriptorOutput output = DescriptorOutput.ReturnValue, int outputArgument = -1, string? passThroughWhen = null) =>
        new(name, NativePlatform.Unix, flag, way, FlagPlacement.Sibling, -1, output, outputArgument, sibling, passThroughWhen);
}
