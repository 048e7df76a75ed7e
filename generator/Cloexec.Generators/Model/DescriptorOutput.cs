namespace Cloexec.Generators.Model;

// Its own file: the analyzer compiles it in beside Knowledge/EntryPointTable.cs, which names it.
/// <summary>Where the new descriptors come back.</summary>
internal enum DescriptorOutput
{
    /// <summary>The return value is the descriptor, -1 on failure.</summary>
    ReturnValue,
    /// <summary>The return value is 0 or -1 and a two-element buffer argument holds both descriptors.</summary>
    Pair,
    /// <summary>The descriptors arrive as SCM_RIGHTS in a struct msghdr argument.</summary>
    ReceivedRights,
    /// <summary>
    /// The return value is a count of messages (recvmmsg) and each <c>struct mmsghdr</c> of the array argument holds
    /// a msghdr whose SCM_RIGHTS may carry descriptors.
    /// </summary>
    ReceivedRightsMessages,
    /// <summary>
    /// The return value is a BOOL and the handles come back through out arguments (CreatePipe, DuplicateHandle):
    /// the inheritance is an argument of the call itself, so it is always atomic and nothing is set afterwards.
    /// </summary>
    OutArguments,
    /// <summary>The return value is a stdio <c>FILE*</c>, null on failure: its descriptor is <c>fileno</c>'s.</summary>
    Stream,
    /// <summary>
    /// As <see cref="Stream"/>, from freopen: glibc keeps a stream's <c>e</c> from its earlier open (the FILE's flags
    /// are not reset), so for <c>cloexec: false</c> the flag is also cleared after the call.
    /// </summary>
    ReopenedStream,
    /// <summary>As <see cref="Stream"/>, from popen: closed with <c>pclose</c>, which also reaps the child.</summary>
    ProcessStream,
    /// <summary>The return value is a <c>DIR*</c>, null on failure: its descriptor is <c>dirfd</c>'s.</summary>
    Directory,
    /// <summary>
    /// The return value is 0 or -1 and two pointer arguments, the output argument and the one after it, each point
    /// to one new descriptor (openpty's amaster and aslave).
    /// </summary>
    TwoOutPointers,
    /// <summary>
    /// The return value is a Windows HANDLE that is NULL on failure, not INVALID_HANDLE_VALUE (CreateEventW,
    /// CreateFileMappingW, OpenProcess...): a failed fallback must leave NULL too.
    /// </summary>
    HandleOrNull,
    /// <summary>
    /// The return value is an <c>errno_t</c>, 0 on success, and the descriptor comes back through the output argument,
    /// an <c>int*</c> (the CRT's _sopen_s, _wsopen_s).
    /// </summary>
    OutDescriptor,
    /// <summary>
    /// The return value is 0 or -1 and the new descriptor is the output argument's value, a descriptor number the
    /// call duplicated onto (the CRT's _dup2: its fd2).
    /// </summary>
    DuplicatedOnto,
}
