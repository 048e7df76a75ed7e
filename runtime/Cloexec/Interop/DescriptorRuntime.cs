using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Cloexec.Interop;

/// <summary>
/// The calls generated wrappers make around the native call. Not for hand-written code: the contract is
/// the generator's, and may change with it.
/// </summary>
/// <remarks>
/// Every wrapper call passes here, so the atomic path is a handful of loads and no allocation. Every
/// method that can fail reports through an errno argument and never touches the last P/Invoke error.
/// Each method hands over to the internal class of its job: <see cref="ArgumentRewriting"/>,
/// <see cref="AtomicConfirmation"/>, <see cref="FallbackWindow"/>, <see cref="AfterCreation"/> and
/// <see cref="WindowsHandles"/>. What only Windows calls is in DescriptorRuntime.Windows.cs.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class DescriptorRuntime
{
    // ---- Arguments

    /// <summary>Resolves a call's <c>cloexec</c> argument against the ambient default.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CloexecMode ResolveMode(bool? cloexec) => ArgumentRewriting.ResolveMode(cloexec);

    /// <summary>The flags argument to pass: with the flag when atomic, without it when clearing or falling back.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ApplyFlag(int value, int flag, CloexecMode mode, bool atomic) => ArgumentRewriting.Flags(value, flag, mode, atomic);

    /// <inheritdoc cref="ApplyFlag(int, int, CloexecMode, bool)"/>
    /// <remarks>For a flags argument that is a C <c>long</c> (perf_event_open): the flag is a low bit, the rest passes through.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ApplyFlag(long value, int flag, CloexecMode mode, bool atomic) => ArgumentRewriting.Flags(value, flag, mode, atomic);

    /// <summary>
    /// The <c>struct open_how*</c> to pass to openat2: the caller's own when passing through; otherwise
    /// <paramref name="storage"/>, a copy of the caller's <paramref name="size"/> bytes whose <c>flags</c> has the open
    /// flag when atomic and not otherwise. The caller's struct is never written. A struct the copy cannot hold (null,
    /// under 8 bytes, over 64) is passed as it is, and the kernel answers for it.
    /// </summary>
    public static unsafe void* ApplyOpenHow(void* how, nuint size, OpenHowStorage* storage, CloexecMode mode, bool atomic) =>
        ArgumentRewriting.OpenHow(how, size, storage, mode, atomic);

    /// <summary>
    /// The stdio mode string to pass: with <c>e</c> when atomic, without it when clearing or falling back, the
    /// caller's own when passing through. The copy lives in a per-thread buffer until this thread's next call.
    /// </summary>
    public static unsafe byte* ApplyModeString(byte* mode, CloexecMode cloexecMode, bool atomic) => ArgumentRewriting.ModeString(mode, cloexecMode, atomic);

    /// <inheritdoc cref="ApplyModeString(byte*, CloexecMode, bool)"/>
    [return: NotNullIfNotNull(nameof(mode))]
    public static string? ApplyModeString(string? mode, CloexecMode cloexecMode, bool atomic) => ArgumentRewriting.ModeString(mode, cloexecMode, atomic);

    // ---- Atomic ways

    /// <summary>Whether this call should try the atomic way.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool UseAtomic(CloexecMode mode, AtomicWay way) => AtomicConfirmation.Use(mode, way);

    /// <summary>
    /// After an atomic call: <see langword="false"/> when the kernel refused the way and the call must be made
    /// again on the fallback path. Learns, on the first call, whether the way works.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ConfirmAtomic(AtomicWay way, ref int result, ref int errno) => AtomicConfirmation.Confirm(way, ref result, ref errno);

    /// <inheritdoc cref="ConfirmAtomic(AtomicWay, ref int, ref int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ConfirmAtomic(AtomicWay way, ref nint result, ref int errno) => AtomicConfirmation.Confirm(way, ref result, ref errno);

    /// <inheritdoc cref="ConfirmAtomic(AtomicWay, ref int, ref int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ConfirmAtomic(AtomicWay way, ref long result, ref int errno) => AtomicConfirmation.Confirm(way, ref result, ref errno);

    /// <summary>After an atomic call whose BOOL result is a C# <see langword="bool"/> (a wrapper over a raw import).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ConfirmAtomic(AtomicWay way, ref bool result, ref int errno) => AtomicConfirmation.Confirm(way, ref result, ref errno);

    /// <summary>
    /// After an atomic call that returned a SafeHandle (a wrapper over a raw import). A kernel that silently ignored the
    /// flag gets the flag set on this very handle rather than a second call, which would leave the first descriptor
    /// open (and could fail where the first call worked, as with O_EXCL); if that fails the handle is disposed and
    /// replaced with an invalid one.
    /// </summary>
    public static bool ConfirmAtomic<THandle>(AtomicWay way, ref THandle handle, ref int errno)
        where THandle : SafeHandle, new() => AtomicConfirmation.Confirm(way, ref handle, ref errno);

    // ---- The fallback window and blocking creators

    /// <summary>
    /// Before a creating call: on the fallback path, takes the shared side of <see cref="ForkLock"/> so that no
    /// fork+exec can happen between creation and <c>SetAfterCreate</c>. Returns whether it did.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EnterFallback(CloexecMode mode, bool atomic) => FallbackWindow.Enter(mode, atomic);

    /// <summary>After <c>SetAfterCreate</c>: releases what <see cref="EnterFallback"/> took.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ExitFallback(bool entered) => FallbackWindow.Exit(entered);

    /// <summary>
    /// Before a creating call that cannot be made non-blocking (accept), on a descriptor that may be blocking: on the
    /// fallback path, waits until <paramref name="fd"/> is readable without holding <see cref="ForkLock"/>, then takes
    /// the lock. Returns whether it did; <see cref="ExitFallback(bool)"/> releases everything.
    /// </summary>
    public static bool EnterFallbackWhenReadable(CloexecMode mode, bool atomic, int fd) => FallbackWindow.EnterWhenReadable(mode, atomic, fd);

    /// <inheritdoc cref="EnterFallbackWhenReadable(CloexecMode, bool, int)"/>
    public static bool EnterFallbackWhenReadable(CloexecMode mode, bool atomic, nint fd) => FallbackWindow.EnterWhenReadable(mode, atomic, (int)fd);

    /// <inheritdoc cref="EnterFallbackWhenReadable(CloexecMode, bool, int)"/>
    public static bool EnterFallbackWhenReadable(CloexecMode mode, bool atomic, SafeHandle fd) => FallbackWindow.EnterWhenReadable(mode, atomic, fd);

    /// <summary>The flags for a call that takes <c>MSG_DONTWAIT</c>: with it while the lock is held.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DontWaitWhileHeld(int flags, bool forkLockHeld) => FallbackWindow.DontWaitWhileHeld(flags, forkLockHeld);

    /// <summary>
    /// After a call made with <see cref="DontWaitWhileHeld"/>: <see langword="true"/> when it failed only because it
    /// would have blocked and the caller wanted it to block. The lock was let go, the socket waited on, and the lock
    /// taken again: make the call again. Its own <c>SO_RCVTIMEO</c> still ends the wait with <c>EAGAIN</c>.
    /// </summary>
    public static bool WaitAgain(ref bool forkLockHeld, int fd, int callerFlags, long result, int errno) =>
        FallbackWindow.WaitAgain(ref forkLockHeld, fd, callerFlags, result, errno);

    /// <inheritdoc cref="WaitAgain(ref bool, int, int, long, int)"/>
    public static bool WaitAgain(ref bool forkLockHeld, nint fd, int callerFlags, long result, int errno) =>
        FallbackWindow.WaitAgain(ref forkLockHeld, (int)fd, callerFlags, result, errno);

    /// <inheritdoc cref="WaitAgain(ref bool, int, int, long, int)"/>
    public static bool WaitAgain(ref bool forkLockHeld, SafeHandle fd, int callerFlags, long result, int errno) =>
        FallbackWindow.WaitAgain(ref forkLockHeld, fd, callerFlags, result, errno);

    // ---- After creation: set close-on-exec, or close what was made. Every one leaves its result at the call's own
    // failure value and errno at the error when setting fails.

    /// <summary>
    /// After a non-atomic call in <see cref="CloexecMode.Set"/> mode: sets close-on-exec on the descriptor in
    /// <paramref name="result"/>. On failure the descriptor is closed, <paramref name="result"/> becomes -1 and
    /// <paramref name="errno"/> the failure's errno.
    /// </summary>
    public static void SetAfterCreate(AtomicWay way, ref int result, ref int errno) => AfterCreation.Descriptor(way, ref result, ref errno);

    /// <inheritdoc cref="SetAfterCreate(AtomicWay, ref int, ref int)"/>
    public static void SetAfterCreate(AtomicWay way, ref nint result, ref int errno) => AfterCreation.Descriptor(way, ref result, ref errno);

    /// <summary>
    /// After a non-atomic call that returned a SafeHandle (a wrapper over a raw import): sets close-on-exec; on
    /// failure disposes the handle, which closes the descriptor, and replaces it with an invalid one.
    /// </summary>
    public static void SetAfterCreate<THandle>(AtomicWay way, ref THandle handle, ref int errno)
        where THandle : SafeHandle, new() => AfterCreation.Handle(way, ref handle, ref errno);

    /// <summary>
    /// After a non-atomic pipe or socketpair in <see cref="CloexecMode.Set"/> mode: sets close-on-exec on both
    /// descriptors; on failure closes both and makes <paramref name="result"/> -1.
    /// </summary>
    public static unsafe void SetAfterCreatePair(AtomicWay way, ref int result, int* descriptors, ref int errno) =>
        AfterCreation.Both(way, ref result, descriptors, descriptors + 1, ref errno);

    /// <summary>
    /// After a call in <see cref="CloexecMode.Set"/> mode whose two descriptors come back through separate pointer
    /// arguments (openpty): sets close-on-exec on both; on failure closes both and makes <paramref name="result"/> -1.
    /// </summary>
    public static unsafe void SetAfterCreateBoth(AtomicWay way, ref int result, int* first, int* second, ref int errno) =>
        AfterCreation.Both(way, ref result, first, second, ref errno);

    /// <summary>
    /// After a non-atomic recvmsg in <see cref="CloexecMode.Set"/> mode: sets close-on-exec on every descriptor
    /// received as <c>SCM_RIGHTS</c> in <paramref name="message"/>; on failure closes them all.
    /// </summary>
    public static unsafe void SetAfterReceive(AtomicWay way, ref long result, void* message, ref int errno) =>
        AfterCreation.Received(way, ref result, message, ref errno);

    /// <inheritdoc cref="SetAfterReceive(AtomicWay, ref long, void*, ref int)"/>
    public static unsafe void SetAfterReceive(AtomicWay way, ref nint result, void* message, ref int errno) =>
        AfterCreation.Received(way, ref result, message, ref errno);

    /// <inheritdoc cref="SetAfterReceive(AtomicWay, ref long, void*, ref int)"/>
    public static unsafe void SetAfterReceive(AtomicWay way, ref int result, void* message, ref int errno) =>
        AfterCreation.Received(way, ref result, message, ref errno);

    /// <summary>
    /// After a non-atomic recvmmsg in <see cref="CloexecMode.Set"/> mode: sets close-on-exec on every descriptor
    /// received as <c>SCM_RIGHTS</c> in the first <paramref name="result"/> messages of <paramref name="messages"/> (a
    /// <c>struct mmsghdr</c> array); on failure closes them all and makes <paramref name="result"/> -1.
    /// </summary>
    public static unsafe void SetAfterReceiveMessages(AtomicWay way, ref int result, void* messages, ref int errno) =>
        AfterCreation.ReceivedMessages(way, ref result, messages, ref errno);

    /// <summary>
    /// After a non-atomic fopen, fopen64, freopen or tmpfile in <see cref="CloexecMode.Set"/> mode: sets close-on-exec
    /// on the stream's descriptor; on failure closes the stream and makes <paramref name="stream"/> null.
    /// </summary>
    public static void SetAfterOpenStream(AtomicWay way, ref nint stream, ref int errno) => AfterCreation.Stream(way, ref stream, processStream: false, ref errno);

    /// <summary>As <see cref="SetAfterOpenStream(AtomicWay, ref nint, ref int)"/>, for popen: on failure the stream is closed with pclose, which reaps the child.</summary>
    public static void SetAfterOpenProcessStream(AtomicWay way, ref nint stream, ref int errno) => AfterCreation.Stream(way, ref stream, processStream: true, ref errno);

    /// <summary>
    /// After a call that always makes its descriptor close-on-exec, in <see cref="CloexecMode.Clear"/> mode
    /// (<c>cloexec: false</c>): clears the flag; on failure closes the descriptor and makes <paramref name="result"/> -1.
    /// </summary>
    public static void ClearAfterCreate(ref int result, ref int errno) => AfterCreation.Cleared(ref result, ref errno);

    /// <inheritdoc cref="ClearAfterCreate(ref int, ref int)"/>
    public static void ClearAfterCreate(ref nint result, ref int errno) => AfterCreation.Cleared(ref result, ref errno);

    /// <summary>As <see cref="ClearAfterCreate(ref int, ref int)"/>, for a SafeHandle a wrapper over a raw import got.</summary>
    public static void ClearAfterCreate<THandle>(ref THandle handle, ref int errno)
        where THandle : SafeHandle, new() => AfterCreation.ClearedHandle(ref handle, ref errno);

    /// <summary>
    /// After opendir in <see cref="CloexecMode.Clear"/> mode: clears close-on-exec on the <c>DIR*</c>'s descriptor
    /// (opendir always sets it); on failure closes the directory and makes <paramref name="directory"/> null.
    /// </summary>
    public static void ClearAfterOpenDirectory(ref nint directory, ref int errno) => AfterCreation.ClearedDirectory(ref directory, ref errno);

    /// <summary>
    /// After freopen in <see cref="CloexecMode.Clear"/> mode: clears close-on-exec on the stream's descriptor, which
    /// glibc keeps from the stream's first open; on failure closes the stream and makes <paramref name="stream"/> null.
    /// </summary>
    public static void ClearAfterOpenStream(ref nint stream, ref int errno) => AfterCreation.ClearedStream(ref stream, ref errno);
}
