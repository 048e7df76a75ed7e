using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using Cloexec.Fallback;
using Cloexec.Platform;

namespace Cloexec.Interop;

/// <summary>
/// The calls generated wrappers make around the native call. Not for hand-written code: the contract is
/// the generator's, and may change with it.
/// </summary>
/// <remarks>
/// Every wrapper call passes here, so the atomic path is a handful of loads and no allocation. Every
/// method that can fail reports through an errno argument and never touches the last P/Invoke error.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class DescriptorRuntime
{
    /// <summary>Resolves a call's <c>cloexec</c> argument against the ambient default.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CloexecMode ResolveMode(bool? cloexec)
    {
        if (cloexec.HasValue)
        {
            if (GuardSettings.IsOn && !cloexec.GetValueOrDefault())
            {
                InheritanceIntent.BeginInheritableCall();
            }

            return cloexec.GetValueOrDefault() ? CloexecMode.Set : CloexecMode.Clear;
        }

        return CloexecDefault.Current ? CloexecMode.Set : CloexecMode.PassThrough;
    }

    /// <summary>Whether this call should try the atomic way.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool UseAtomic(CloexecMode mode, AtomicWay way) => mode == CloexecMode.Set && AtomicWayStates.IsUsable(way);

    /// <summary>The flags argument to pass: with the flag when atomic, without it when clearing or falling back.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ApplyFlag(int value, int flag, CloexecMode mode, bool atomic)
    {
        if (atomic)
        {
            return value | flag;
        }

        return mode == CloexecMode.PassThrough ? value : value & ~flag;
    }

    /// <inheritdoc cref="ApplyFlag(int, int, CloexecMode, bool)"/>
    /// <remarks>For a flags argument that is a C <c>long</c> (perf_event_open): the flag is a low bit, the rest passes through.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ApplyFlag(long value, int flag, CloexecMode mode, bool atomic)
    {
        if (atomic)
        {
            return value | (uint)flag;
        }

        return mode == CloexecMode.PassThrough ? value : value & ~(long)(uint)flag;
    }

    /// <summary>
    /// Before a creating call: on the fallback path, takes the shared side of <see cref="ForkLock"/> so that no
    /// fork+exec can happen between creation and <c>SetAfterCreate</c>. Returns whether it did.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EnterFallback(CloexecMode mode, bool atomic)
    {
        if (atomic || mode != CloexecMode.Set)
        {
            return false;
        }

        return ForkLock.TryEnterShared();
    }

    /// <summary>After <c>SetAfterCreate</c>: releases what <see cref="EnterFallback"/> took.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ExitFallback(bool entered)
    {
        if (GuardSettings.IsOn)
        {
            InheritanceIntent.EndCall();
        }

        if (entered)
        {
            ForkLock.ExitShared();
            ExitGate();
        }
    }

    /// <summary>
    /// After an atomic call: <see langword="false"/> when the kernel refused the way and the call must be made
    /// again on the fallback path. Learns, on the first call, whether the way works.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ConfirmAtomic(AtomicWay way, ref int result, ref int errno)
    {
        if (AtomicWayStates.IsConfirmed(way))
        {
            return true;
        }

        long descriptor = result;
        bool done = ConfirmFirstCalls(way, ref descriptor, ref errno);
        result = (int)descriptor;
        return done;
    }

    /// <inheritdoc cref="ConfirmAtomic(AtomicWay, ref int, ref int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ConfirmAtomic(AtomicWay way, ref nint result, ref int errno)
    {
        if (AtomicWayStates.IsConfirmed(way))
        {
            return true;
        }

        long descriptor = result;
        bool done = ConfirmFirstCalls(way, ref descriptor, ref errno);
        result = (nint)descriptor;
        return done;
    }

    /// <inheritdoc cref="ConfirmAtomic(AtomicWay, ref int, ref int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ConfirmAtomic(AtomicWay way, ref long result, ref int errno) =>
        AtomicWayStates.IsConfirmed(way) || ConfirmFirstCalls(way, ref result, ref errno);

    /// <summary>
    /// After an atomic call that returned a SafeHandle (a wrapper over a raw import). A kernel that silently ignored the
    /// flag gets the flag set on this very handle rather than a second call, which would leave the first descriptor
    /// open (and could fail where the first call worked, as with O_EXCL); if that fails the handle is disposed and
    /// replaced with an invalid one.
    /// </summary>
    public static bool ConfirmAtomic<THandle>(AtomicWay way, ref THandle handle, ref int errno)
        where THandle : SafeHandle, new()
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (AtomicWayStates.IsConfirmed(way))
        {
            return true;
        }

        if (handle.IsInvalid)
        {
            long failed = -1;
            return ConfirmFirstCalls(way, ref failed, ref errno);
        }

        if (AtomicWayTable.RefusalOf(way) == Refusal.SilentlyIgnored && !FileDescriptor.HasCloexecFlag((int)handle.DangerousGetHandle()))
        {
            AtomicWayStates.Set(way, AtomicWayStates.State.Refused);
            SetAfterCreate(way, ref handle, ref errno);
            return true;
        }

        AtomicWayStates.Set(way, AtomicWayStates.State.Works);
        return true;
    }

    /// <summary>
    /// After a non-atomic call that returned a SafeHandle (a wrapper over a raw import): sets close-on-exec; on
    /// failure disposes the handle, which closes the descriptor, and replaces it with an invalid one.
    /// </summary>
    public static void SetAfterCreate<THandle>(AtomicWay way, ref THandle handle, ref int errno)
        where THandle : SafeHandle, new()
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (handle.IsInvalid)
        {
            return;
        }

        int failure = NewDescriptors.TrySetOwned(handle.DangerousGetHandle());
        if (failure != 0)
        {
            handle.Dispose();
            handle = new THandle();
        }

        Conclude(way, failure, ref errno);
    }

    /// <summary>
    /// After a non-atomic call in <see cref="CloexecMode.Set"/> mode: sets close-on-exec on the descriptor in
    /// <paramref name="result"/>. On failure the descriptor is closed, <paramref name="result"/> becomes -1 and
    /// <paramref name="errno"/> the failure's errno.
    /// </summary>
    public static void SetAfterCreate(AtomicWay way, ref int result, ref int errno)
    {
        if (result == -1)
        {
            return;
        }

        int failure = NewDescriptors.SetOrClose(result);
        Conclude(way, failure, ref errno);
        if (failure != 0)
        {
            result = -1;
        }
    }

    /// <inheritdoc cref="SetAfterCreate(AtomicWay, ref int, ref int)"/>
    public static void SetAfterCreate(AtomicWay way, ref nint result, ref int errno)
    {
        if (result == -1)
        {
            return;
        }

        int failure = NewDescriptors.SetOrClose(result);
        Conclude(way, failure, ref errno);
        if (failure != 0)
        {
            result = -1;
        }
    }

    /// <summary>
    /// After a non-atomic Winsock call (socket, accept) in <see cref="CloexecMode.Set"/> mode: clears the socket's
    /// <c>HANDLE_FLAG_INHERIT</c>; on failure closes it with closesocket and makes <paramref name="result"/>
    /// <c>INVALID_SOCKET</c>.
    /// </summary>
    public static void SetAfterCreateSocket(AtomicWay way, ref nint result, ref int errno)
    {
        if (result == WindowsValues.InvalidHandle)
        {
            return;
        }

        int failure = HandleInheritance.SetOrCloseSocket(result);
        Conclude(way, failure, ref errno);
        if (failure != 0)
        {
            result = WindowsValues.InvalidHandle;
        }
    }

    /// <summary>
    /// The <c>SECURITY_ATTRIBUTES*</c> to pass to CreateFileW or CreatePipe: the caller's own when the mode is
    /// <see cref="CloexecMode.PassThrough"/>; otherwise <paramref name="storage"/>, a copy of the caller's struct (or a
    /// fresh one for <see langword="null"/>) whose <c>bInheritHandle</c> says the mode. The caller's struct is never written.
    /// </summary>
    public static unsafe void* ApplySecurityAttributes(void* attributes, SecurityAttributes* storage, CloexecMode mode)
    {
        if (mode == CloexecMode.PassThrough)
        {
            return attributes;
        }

        *storage = attributes is null
            ? new SecurityAttributes { Length = sizeof(SecurityAttributes) }
            : *(SecurityAttributes*)attributes;
        storage->InheritHandle = mode == CloexecMode.Set ? 0 : 1;
        return storage;
    }

    /// <summary>
    /// The <c>struct open_how*</c> to pass to openat2: the caller's own when passing through; otherwise
    /// <paramref name="storage"/>, a copy of the caller's <paramref name="size"/> bytes whose <c>flags</c> has
    /// <c>O_CLOEXEC</c> when atomic and not otherwise. The caller's struct is never written. A struct the copy cannot
    /// hold (null, under 8 bytes, over 64) is passed as it is, and the kernel answers for it.
    /// </summary>
    public static unsafe void* ApplyOpenHow(void* how, nuint size, OpenHowStorage* storage, CloexecMode mode, bool atomic)
    {
        if ((mode == CloexecMode.PassThrough && !atomic) || how is null || size < sizeof(ulong) || size > (nuint)sizeof(OpenHowStorage))
        {
            return how;
        }

        Buffer.MemoryCopy(how, storage, sizeof(OpenHowStorage), (long)size);
        ulong* flags = (ulong*)storage;
        ulong cloexec = (uint)CloexecFlagValues.Open;
        *flags = atomic ? *flags | cloexec : *flags & ~cloexec;
        return storage;
    }

    /// <summary>The BOOL <c>bInheritHandle</c> argument to pass (DuplicateHandle): the caller's own when passing through.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ApplyInheritArgument(int inherit, CloexecMode mode) => mode switch
    {
        CloexecMode.Set => 0,
        CloexecMode.Clear => 1,
        _ => inherit,
    };

    /// <summary>
    /// After a non-atomic pipe or socketpair in <see cref="CloexecMode.Set"/> mode: sets close-on-exec on both
    /// descriptors; on failure closes both and makes <paramref name="result"/> -1.
    /// </summary>
    public static unsafe void SetAfterCreatePair(AtomicWay way, ref int result, int* descriptors, ref int errno) =>
        SetAfterCreateBoth(way, ref result, descriptors, descriptors + 1, ref errno);

    /// <summary>
    /// After a non-atomic recvmsg in <see cref="CloexecMode.Set"/> mode: sets close-on-exec on every descriptor
    /// received as <c>SCM_RIGHTS</c> in <paramref name="message"/>; on failure closes them all.
    /// </summary>
    public static unsafe void SetAfterReceive(AtomicWay way, ref long result, void* message, ref int errno)
    {
        if (result == -1)
        {
            return;
        }

        int failure = ReceivedRights.SetCloexecOnAll(message);
        if (failure != 0)
        {
            ReceivedRights.CloseAll(message);
            result = -1;
        }

        Conclude(way, failure, ref errno);
    }

    /// <inheritdoc cref="SetAfterReceive(AtomicWay, ref long, void*, ref int)"/>
    public static unsafe void SetAfterReceive(AtomicWay way, ref nint result, void* message, ref int errno)
    {
        long wide = result;
        SetAfterReceive(way, ref wide, message, ref errno);
        result = (nint)wide;
    }

    /// <inheritdoc cref="SetAfterReceive(AtomicWay, ref long, void*, ref int)"/>
    public static unsafe void SetAfterReceive(AtomicWay way, ref int result, void* message, ref int errno)
    {
        long wide = result;
        SetAfterReceive(way, ref wide, message, ref errno);
        result = (int)wide;
    }

    /// <summary>
    /// After a non-atomic recvmmsg in <see cref="CloexecMode.Set"/> mode: sets close-on-exec on every descriptor
    /// received as <c>SCM_RIGHTS</c> in the first <paramref name="result"/> messages of <paramref name="messages"/> (a
    /// <c>struct mmsghdr</c> array); on failure closes them all and makes <paramref name="result"/> -1.
    /// </summary>
    public static unsafe void SetAfterReceiveMessages(AtomicWay way, ref int result, void* messages, ref int errno)
    {
        if (result <= 0)
        {
            return;
        }

        int failure = ReceivedRights.SetCloexecOnAllMessages(messages, result);
        if (failure != 0)
        {
            ReceivedRights.CloseAllMessages(messages, result);
            result = -1;
        }

        Conclude(way, failure, ref errno);
    }

    /// <summary>
    /// After a call in <see cref="CloexecMode.Set"/> mode whose two descriptors come back through separate pointer
    /// arguments (openpty): sets close-on-exec on both; on failure closes both and makes <paramref name="result"/> -1.
    /// </summary>
    public static unsafe void SetAfterCreateBoth(AtomicWay way, ref int result, int* first, int* second, ref int errno)
    {
        if (result == -1)
        {
            return;
        }

        int failure = NewDescriptors.TrySet(*first);
        if (failure == 0)
        {
            failure = NewDescriptors.TrySet(*second);
        }

        if (failure != 0)
        {
            NewDescriptors.Close(*first);
            NewDescriptors.Close(*second);
            result = -1;
        }

        Conclude(way, failure, ref errno);
    }

    /// <summary>
    /// After a call that always makes its descriptor close-on-exec, in <see cref="CloexecMode.Clear"/> mode
    /// (<c>cloexec: false</c>): clears the flag; on failure closes the descriptor and makes <paramref name="result"/> -1.
    /// </summary>
    public static void ClearAfterCreate(ref int result, ref int errno)
    {
        if (result == -1)
        {
            return;
        }

        int failure = NewDescriptors.ClearOrClose(result);
        if (failure != 0)
        {
            errno = failure;
            result = -1;
        }
    }

    /// <inheritdoc cref="ClearAfterCreate(ref int, ref int)"/>
    public static void ClearAfterCreate(ref nint result, ref int errno)
    {
        int descriptor = (int)result;
        ClearAfterCreate(ref descriptor, ref errno);
        result = descriptor;
    }

    /// <summary>As <see cref="ClearAfterCreate(ref int, ref int)"/>, for a SafeHandle a wrapper over a raw import got.</summary>
    public static void ClearAfterCreate<THandle>(ref THandle handle, ref int errno)
        where THandle : SafeHandle, new()
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (handle.IsInvalid)
        {
            return;
        }

        int failure = CloexecSetter.TrySet((int)handle.DangerousGetHandle(), cloexec: false);
        if (failure != 0)
        {
            handle.Dispose();
            handle = new THandle();
            errno = failure;
        }
    }

    /// <summary>
    /// After opendir in <see cref="CloexecMode.Clear"/> mode: clears close-on-exec on the <c>DIR*</c>'s descriptor
    /// (opendir always sets it); on failure closes the directory and makes <paramref name="directory"/> null.
    /// </summary>
    public static void ClearAfterOpenDirectory(ref nint directory, ref int errno)
    {
        if (directory == 0)
        {
            return;
        }

        int failure = NewDescriptors.ClearOrCloseDirectory(directory);
        if (failure != 0)
        {
            errno = failure;
            directory = 0;
        }
    }

    /// <summary>
    /// After a non-atomic fopen, fopen64, freopen or tmpfile in <see cref="CloexecMode.Set"/> mode: sets close-on-exec
    /// on the stream's descriptor; on failure closes the stream and makes <paramref name="stream"/> null.
    /// </summary>
    public static void SetAfterOpenStream(AtomicWay way, ref nint stream, ref int errno) => SetAfterOpenAnyStream(way, ref stream, processStream: false, ref errno);

    /// <summary>As <see cref="SetAfterOpenStream(AtomicWay, ref nint, ref int)"/>, for popen: on failure the stream is closed with pclose, which reaps the child.</summary>
    public static void SetAfterOpenProcessStream(AtomicWay way, ref nint stream, ref int errno) => SetAfterOpenAnyStream(way, ref stream, processStream: true, ref errno);

    /// <summary>
    /// After freopen in <see cref="CloexecMode.Clear"/> mode: clears close-on-exec on the stream's descriptor, which
    /// glibc keeps from the stream's first open; on failure closes the stream and makes <paramref name="stream"/> null.
    /// </summary>
    public static void ClearAfterOpenStream(ref nint stream, ref int errno)
    {
        if (stream == 0)
        {
            return;
        }

        int failure = NewDescriptors.SetOrCloseStream(stream, cloexec: false, processStream: false);
        if (failure != 0)
        {
            errno = failure;
            stream = 0;
        }
    }

    private static void SetAfterOpenAnyStream(AtomicWay way, ref nint stream, bool processStream, ref int errno)
    {
        if (stream == 0)
        {
            return;
        }

        int failure = NewDescriptors.SetOrCloseStream(stream, cloexec: true, processStream);
        if (failure != 0)
        {
            stream = 0;
        }

        Conclude(way, failure, ref errno);
    }

    /// <summary>
    /// The stdio mode string to pass: with <c>e</c> when atomic, without it when clearing or falling back, the
    /// caller's own when passing through. The copy lives in a per-thread buffer until this thread's next call.
    /// </summary>
    public static unsafe byte* ApplyModeString(byte* mode, CloexecMode cloexecMode, bool atomic) =>
        atomic || cloexecMode != CloexecMode.PassThrough ? ModeStrings.With(mode, atomic) : mode;

    /// <inheritdoc cref="ApplyModeString(byte*, CloexecMode, bool)"/>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(mode))]
    public static string? ApplyModeString(string? mode, CloexecMode cloexecMode, bool atomic) =>
        mode is not null && (atomic || cloexecMode != CloexecMode.PassThrough) ? ModeStrings.With(mode, atomic) : mode;

    private static void Conclude(AtomicWay way, int failure, ref int errno)
    {
        if (failure != 0)
        {
            errno = failure;
        }
        else if (AtomicWayStates.Get(way) == AtomicWayStates.State.Suspect)
        {
            // The atomic try failed as an old kernel would and the plain call then worked: believe the kernel.
            AtomicWayStates.Set(way, AtomicWayStates.State.Refused);
        }
    }

    private static bool ConfirmFirstCalls(AtomicWay way, ref long descriptor, ref int errno)
    {
        if (descriptor == -1)
        {
            if (AtomicWayStates.Get(way) != AtomicWayStates.State.Works && AtomicWayTable.IsRefusal(way, errno))
            {
                AtomicWayStates.Set(way, AtomicWayStates.State.Suspect);
                return false;
            }

            return true;
        }

        if (AtomicWayTable.RefusalOf(way) == Refusal.SilentlyIgnored && !FileDescriptor.HasCloexecFlag((int)descriptor))
        {
            // A kernel that ignores the flag: fix this descriptor and never trust the flag again.
            AtomicWayStates.Set(way, AtomicWayStates.State.Refused);
            int failure = NewDescriptors.SetOrClose((int)descriptor);
            if (failure != 0)
            {
                descriptor = -1;
                errno = failure;
            }

            return true;
        }

        AtomicWayStates.Set(way, AtomicWayStates.State.Works);
        return true;
    }
}
