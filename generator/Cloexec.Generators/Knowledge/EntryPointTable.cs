using System.Collections.Generic;
using System.Linq;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Knowledge;

/// <summary>What the generator knows about one descriptor-creating native function.</summary>
/// <param name="Flag">The <c>CloexecFlag</c> member the call takes.</param>
/// <param name="Way">The <c>AtomicWay</c> member of its atomic path.</param>
/// <param name="FlagArgument">The argument that takes the flag, -1 for a legacy call without one.</param>
/// <param name="OutputArgument">The argument holding a descriptor pair or msghdr, -1 for a return value.</param>
/// <param name="Sibling">For a legacy call: the atomic call that replaces it.</param>
/// <param name="PassThroughWhen">
/// A condition over the arguments (<c>{0}</c>...) under which the call creates no new descriptor, or must keep its
/// own error: it is then made exactly as declared, and no flag is set afterwards.
/// </param>
/// <param name="Platform">The platform whose libraries export the function under this name.</param>
internal sealed record EntryPointInfo(
    string Name,
    string Flag,
    string Way,
    int FlagArgument,
    DescriptorOutput Output,
    int OutputArgument,
    SiblingInfo? Sibling,
    string? PassThroughWhen,
    NativePlatform Platform = NativePlatform.Unix);

/// <summary>What kind of argument a flag family is put into.</summary>
internal enum FlagArgumentShape
{
    /// <summary>A bit in an int, uint or enum of those: the flag is or-ed in.</summary>
    Bits,
    /// <summary>A <c>SECURITY_ATTRIBUTES*</c> (pointer, nint, or ref/in struct): the wrapper passes its own copy.</summary>
    SecurityAttributesPointer,
    /// <summary>A BOOL (int, uint, or bool as UnmanagedType.Bool) that is TRUE for an inheritable handle.</summary>
    InheritBool,
}

/// <summary>
/// The atomic sibling of a legacy call. Arguments are C# templates: <c>{0}</c>... are the legacy call's
/// arguments, <c>{flag}</c> the flag's runtime value, other names the runtime's constants.
/// </summary>
internal sealed record SiblingInfo(string EntryPoint, IReadOnlyList<string> Arguments);

/// <summary>
/// The descriptor-creating entry points of the Unix libcs and of Windows (kernel32, ws2_32, the CRT), as data;
/// everything else reads this table. A row belongs to one platform: the declaration's library picks which.
/// </summary>
internal static class EntryPointTable
{
    internal const string FlagPlaceholder = "{flag}";
    internal const string DupFdCloexecCommand = "{CloexecFlagValues.DupFdCloexecCommand}";
    internal const string CreatFlags = "{CloexecFlagValues.CreatFlags}";

    private static readonly EntryPointInfo[] s_entries =
    [
        Flagged("open", "Open", "OpenFlag", flagArgument: 1),
        Flagged("openat", "Open", "OpenFlag", flagArgument: 2),
        Flagged("pipe2", "Open", "Pipe2", flagArgument: 1, DescriptorOutput.Pair, outputArgument: 0),
        Flagged("dup3", "Open", "Dup3", flagArgument: 2),
        Flagged("mkostemp", "Open", "Mkostemp", flagArgument: 1),
        Flagged("posix_openpt", "Open", "OpenFlag", flagArgument: 0),
        Flagged("socket", "Socket", "SocketFlag", flagArgument: 1),
        Flagged("socketpair", "Socket", "SocketFlag", flagArgument: 1, DescriptorOutput.Pair, outputArgument: 3),
        Flagged("accept4", "Socket", "Accept4", flagArgument: 3),
        Flagged("epoll_create1", "EPoll", "EPollCreate1", flagArgument: 0),
        Flagged("eventfd", "EventFd", "EventFdFlag", flagArgument: 1),
        Flagged("inotify_init1", "Inotify", "InotifyInit1", flagArgument: 0),
        Flagged("memfd_create", "MemFd", "MemFdFlag", flagArgument: 1),
        Flagged("timerfd_create", "TimerFd", "TimerFdFlag", flagArgument: 1),
        Flagged("signalfd", "SignalFd", "SignalFdFlag", flagArgument: 2, passThroughWhen: "{0} != -1"),
        Flagged("recvmsg", "ReceiveMessage", "ReceiveMessageFlag", flagArgument: 2, DescriptorOutput.ReceivedRights, outputArgument: 1),
        // glibc's large-file names (fcntl.h under _FILE_OFFSET_BITS=64 / _LARGEFILE64_SOURCE): the same calls, with
        // O_LARGEFILE implied on 32-bit targets. open(2), "open64"; musl exports them as aliases too.
        Flagged("open64", "Open", "OpenFlag", flagArgument: 1),
        Flagged("openat64", "Open", "OpenFlag", flagArgument: 2),
        // open_by_handle_at(mount_fd, struct file_handle *handle, int flags): open_by_handle_at(2), Linux 2.6.39;
        // flags are open(2)'s, O_CLOEXEC included.
        Flagged("open_by_handle_at", "Open", "OpenFlag", flagArgument: 2),
        // recvmmsg(fd, struct mmsghdr *msgvec, unsigned vlen, int flags, struct timespec *timeout): recvmmsg(2),
        // Linux 2.6.33; flags are recvmsg(2)'s, MSG_CMSG_CLOEXEC included, and apply to every message received.
        Flagged("recvmmsg", "ReceiveMessage", "ReceiveMessageFlag", flagArgument: 3, DescriptorOutput.ReceivedRightsMessages, outputArgument: 1),

        Legacy("pipe", "Open", "Pipe2", DescriptorOutput.Pair, outputArgument: 0, new("pipe2", ["{0}", FlagPlaceholder])),
        Legacy("dup", "Open", "DupFdCloexec", DescriptorOutput.ReturnValue, -1, new("fcntl", ["{0}", DupFdCloexecCommand, "0"])),
        Legacy("dup2", "Open", "Dup3", DescriptorOutput.ReturnValue, -1, new("dup3", ["{0}", "{1}", FlagPlaceholder]), passThroughWhen: "{0} == {1}"),
        Legacy("accept", "Socket", "Accept4", DescriptorOutput.ReturnValue, -1, new("accept4", ["{0}", "{1}", "{2}", FlagPlaceholder])),
        Legacy("creat", "Open", "OpenFlag", DescriptorOutput.ReturnValue, -1, new("open", ["{0}", CreatFlags + " | " + FlagPlaceholder, "{1}"])),
        Legacy("creat64", "Open", "OpenFlag", DescriptorOutput.ReturnValue, -1, new("open64", ["{0}", CreatFlags + " | " + FlagPlaceholder, "{1}"])),
        Legacy("epoll_create", "EPoll", "EPollCreate1", DescriptorOutput.ReturnValue, -1, new("epoll_create1", [FlagPlaceholder]), passThroughWhen: "{0} <= 0"),
        Legacy("inotify_init", "Inotify", "InotifyInit1", DescriptorOutput.ReturnValue, -1, new("inotify_init1", [FlagPlaceholder])),
        Legacy("mkstemp", "Open", "Mkostemp", DescriptorOutput.ReturnValue, -1, new("mkostemp", ["{0}", FlagPlaceholder])),

        // Windows. Argument positions from the Windows SDK prototypes: fileapi.h CreateFileW(name, access, share,
        // SECURITY_ATTRIBUTES*, disposition, flags, template); namedpipeapi.h CreatePipe(HANDLE* read, HANDLE* write,
        // SECURITY_ATTRIBUTES*, size); handleapi.h DuplicateHandle(srcProcess, src, dstProcess, HANDLE* dst, access,
        // BOOL inherit, options); winsock2.h WSASocketW(af, type, protocol, info, group, DWORD flags); ucrt io.h
        // _open/_wopen(path, oflag, ...), _pipe(int* fds, unsigned size, int textmode), _dup(fd).
        Windows("CreateFileW", "SecurityAttributes", "SecurityAttributesInherit", flagArgument: 3),
        Windows("CreateFileA", "SecurityAttributes", "SecurityAttributesInherit", flagArgument: 3),
        Windows("CreatePipe", "SecurityAttributes", "SecurityAttributesInherit", flagArgument: 2, DescriptorOutput.OutArguments),
        Windows("DuplicateHandle", "InheritHandleArgument", "InheritHandleArgument", flagArgument: 5, DescriptorOutput.OutArguments),
        Windows("WSASocketW", "WsaNoHandleInherit", "WsaNoHandleInheritFlag", flagArgument: 5),
        Windows("WSASocketA", "WsaNoHandleInherit", "WsaNoHandleInheritFlag", flagArgument: 5),
        Windows("_open", "NoInherit", "NoInheritFlag", flagArgument: 1),
        Windows("_wopen", "NoInherit", "NoInheritFlag", flagArgument: 1),
        Windows("_pipe", "NoInherit", "NoInheritFlag", flagArgument: 2, DescriptorOutput.Pair, outputArgument: 0),
        // No flag at all: created, then made non-inheritable with SetHandleInformation.
        Windows("_dup", "None", "None", flagArgument: -1),
        Windows("socket", "None", "None", flagArgument: -1),
        Windows("accept", "None", "None", flagArgument: -1),
    ];

    private static readonly Dictionary<(string, NativePlatform), EntryPointInfo> s_byName = s_entries.ToDictionary(e => (e.Name, e.Platform));

    private static readonly Dictionary<string, FlagArgumentShape> s_shapeOfFlag = new()
    {
        ["SecurityAttributes"] = FlagArgumentShape.SecurityAttributesPointer,
        ["InheritHandleArgument"] = FlagArgumentShape.InheritBool,
    };

    /// <summary>The atomic way a user-declared <c>FlagsParameter</c> of each flag family takes.</summary>
    private static readonly Dictionary<string, string> s_wayOfFlag = new()
    {
        ["None"] = "None",
        ["Open"] = "OpenFlag",
        ["Socket"] = "SocketFlag",
        ["EPoll"] = "EPollCreate1",
        ["EventFd"] = "EventFdFlag",
        ["Inotify"] = "InotifyInit1",
        ["MemFd"] = "MemFdFlag",
        ["TimerFd"] = "TimerFdFlag",
        ["SignalFd"] = "SignalFdFlag",
        ["ReceiveMessage"] = "ReceiveMessageFlag",
        ["NoInherit"] = "NoInheritFlag",
        ["WsaNoHandleInherit"] = "WsaNoHandleInheritFlag",
        ["SecurityAttributes"] = "SecurityAttributesInherit",
        ["InheritHandleArgument"] = "InheritHandleArgument",
    };

    public static IReadOnlyList<EntryPointInfo> All => s_entries;

    public static EntryPointInfo? Find(string entryPoint, NativePlatform platform) =>
        s_byName.TryGetValue((entryPoint, platform), out EntryPointInfo? info) ? info : null;

    public static FlagArgumentShape ShapeOfFlag(string flag) => s_shapeOfFlag.TryGetValue(flag, out FlagArgumentShape shape) ? shape : FlagArgumentShape.Bits;

    public static string? WayOfFlag(string flag) => s_wayOfFlag.TryGetValue(flag, out string? way) ? way : null;

    private static EntryPointInfo Flagged(
        string name, string flag, string way, int flagArgument, DescriptorOutput output = DescriptorOutput.ReturnValue, int outputArgument = -1, string? passThroughWhen = null) =>
        new(name, flag, way, flagArgument, output, outputArgument, null, passThroughWhen);

    private static EntryPointInfo Windows(
        string name, string flag, string way, int flagArgument, DescriptorOutput output = DescriptorOutput.ReturnValue, int outputArgument = -1) =>
        new(name, flag, way, flagArgument, output, outputArgument, null, null, NativePlatform.Windows);

    private static EntryPointInfo Legacy(
        string name, string flag, string way, DescriptorOutput output, int outputArgument, SiblingInfo sibling, string? passThroughWhen = null) =>
        new(name, flag, way, -1, output, outputArgument, sibling, passThroughWhen);
}
