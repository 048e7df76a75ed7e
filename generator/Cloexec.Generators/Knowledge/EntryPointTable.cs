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
        Flagged("accept4", CloexecFlag.Socket, AtomicWay.Accept4, flagArgument: 3),
        Flagged("epoll_create1", CloexecFlag.EPoll, AtomicWay.EPollCreate1, flagArgument: 0),
        Flagged("eventfd", CloexecFlag.EventFd, AtomicWay.EventFdFlag, flagArgument: 1),
        Flagged("inotify_init1", CloexecFlag.Inotify, AtomicWay.InotifyInit1, flagArgument: 0),
        Flagged("memfd_create", CloexecFlag.MemFd, AtomicWay.MemFdFlag, flagArgument: 1),
        Flagged("timerfd_create", CloexecFlag.TimerFd, AtomicWay.TimerFdFlag, flagArgument: 1),
        Flagged("signalfd", CloexecFlag.SignalFd, AtomicWay.SignalFdFlag, flagArgument: 2, passThroughWhen: "{0} != -1"),
        Flagged("recvmsg", CloexecFlag.ReceiveMessage, AtomicWay.ReceiveMessageFlag, flagArgument: 2, DescriptorOutput.ReceivedRights, outputArgument: 1),
        // glibc's large-file names (fcntl.h under _FILE_OFFSET_BITS=64 / _LARGEFILE64_SOURCE): the same calls, with
        // O_LARGEFILE implied on 32-bit targets. open(2), "open64"; musl exports them as aliases too.
        Flagged("open64", CloexecFlag.Open, AtomicWay.OpenFlag, flagArgument: 1),
        Flagged("openat64", CloexecFlag.Open, AtomicWay.OpenFlag, flagArgument: 2),
        // open_by_handle_at(mount_fd, struct file_handle *handle, int flags): open_by_handle_at(2), Linux 2.6.39;
        // flags are open(2)'s, O_CLOEXEC included.
        Flagged("open_by_handle_at", CloexecFlag.Open, AtomicWay.OpenFlag, flagArgument: 2),
        // recvmmsg(fd, struct mmsghdr *msgvec, unsigned vlen, int flags, struct timespec *timeout): recvmmsg(2),
        // Linux 2.6.33; flags are recvmsg(2)'s, MSG_CMSG_CLOEXEC included, and apply to every message received.
        Flagged("recvmmsg", CloexecFlag.ReceiveMessage, AtomicWay.ReceiveMessageFlag, flagArgument: 3, DescriptorOutput.ReceivedRightsMessages, outputArgument: 1),

        Legacy("pipe", CloexecFlag.Open, AtomicWay.Pipe2, Sibling("pipe2", Arg(0), Flag), DescriptorOutput.Pair, outputArgument: 0),
        Legacy("dup", CloexecFlag.Open, AtomicWay.DupFdCloexec, Sibling("fcntl", Arg(0), Value("DupFdCloexecCommand"), "0")),
        Legacy("dup2", CloexecFlag.Open, AtomicWay.Dup3, Sibling("dup3", Arg(0), Arg(1), Flag), passThroughWhen: "{0} == {1}"),
        Legacy("accept", CloexecFlag.Socket, AtomicWay.Accept4, Sibling("accept4", Arg(0), Arg(1), Arg(2), Flag)),
        Legacy("creat", CloexecFlag.Open, AtomicWay.OpenFlag, Sibling("open", Arg(0), Value("CreatFlags") + " | " + Flag, Arg(1))),
        Legacy("creat64", CloexecFlag.Open, AtomicWay.OpenFlag, Sibling("open64", Arg(0), Value("CreatFlags") + " | " + Flag, Arg(1))),
        Legacy("epoll_create", CloexecFlag.EPoll, AtomicWay.EPollCreate1, Sibling("epoll_create1", Flag), passThroughWhen: "{0} <= 0"),
        Legacy("inotify_init", CloexecFlag.Inotify, AtomicWay.InotifyInit1, Sibling("inotify_init1", Flag)),
        Legacy("mkstemp", CloexecFlag.Open, AtomicWay.Mkostemp, Sibling("mkostemp", Arg(0), Flag)),

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
        Windows("socket", CloexecFlag.None, AtomicWay.None, FlagPlacement.AfterCreation, flagArgument: -1),
        Windows("accept", CloexecFlag.None, AtomicWay.None, FlagPlacement.AfterCreation, flagArgument: -1),
    ];

    private static readonly Dictionary<(string, NativePlatform), EntryPointInfo> s_byName = s_entries.ToDictionary(e => (e.Name, e.Platform));

    public static IReadOnlyList<EntryPointInfo> All => s_entries;

    public static EntryPointInfo? Find(string entryPoint, NativePlatform platform) =>
        s_byName.TryGetValue((entryPoint, platform), out EntryPointInfo? info) ? info : null;

    // Sibling argument templates: a legacy argument, the flag's value, a runtime constant (CloexecFlagValues.Name).
    private const string Flag = FlagPlaceholder;

    private static string Arg(int index) => "{" + index + "}";

    private static string Value(string runtimeConstant) => "{CloexecFlagValues." + runtimeConstant + "}";

    private static SiblingInfo Sibling(string entryPoint, params string[] arguments) => new(entryPoint, arguments);

    private static EntryPointInfo Flagged(
        string name, CloexecFlag flag, AtomicWay way, int flagArgument, DescriptorOutput output = DescriptorOutput.ReturnValue, int outputArgument = -1, string? passThroughWhen = null) =>
        new(name, NativePlatform.Unix, flag, way, FlagPlacement.Bits, flagArgument, output, outputArgument, null, passThroughWhen);

    private static EntryPointInfo Windows(
        string name, CloexecFlag flag, AtomicWay way, FlagPlacement placement, int flagArgument, DescriptorOutput output = DescriptorOutput.ReturnValue, int outputArgument = -1) =>
        new(name, NativePlatform.Windows, flag, way, placement, flagArgument, output, outputArgument, null, null);

    private static EntryPointInfo Legacy(
        string name, CloexecFlag flag, AtomicWay way, SiblingInfo sibling, DescriptorOutput output = DescriptorOutput.ReturnValue, int outputArgument = -1, string? passThroughWhen = null) =>
        new(name, NativePlatform.Unix, flag, way, FlagPlacement.Sibling, -1, output, outputArgument, sibling, passThroughWhen);
}
