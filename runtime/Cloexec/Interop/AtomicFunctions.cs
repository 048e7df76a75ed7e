using System.ComponentModel;
using System.Runtime.CompilerServices;
using Cloexec.Fallback;
using Cloexec.Platform;

namespace Cloexec.Interop;

/// <summary>
/// The C functions that generated code calls for an atomic way of its own (pipe2 for pipe, fcntl for dup...), as the
/// runtime found them in the C library once per process. Not for hand-written code.
/// </summary>
/// <remarks>
/// A function that exists in some OS versions only (pipe2 on macOS 27, inotify_init1 on FreeBSD 15) is never called
/// where it is missing: its way is then refused, and <see cref="DescriptorRuntime.UseAtomic"/> says so first.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AtomicFunctions
{
    private static readonly bool s_variadicArgumentsOnStack = PlatformValues.IsAppleArm64;

    // One static readonly field per function: once this type is initialized the JIT reads them as constants, so a
    // generated call through Of(AtomicWay.Pipe2) compiles to a call to a fixed address, as an import's would.
    private static readonly nint s_open = AtomicWayStates.FunctionOf(AtomicWay.OpenFlag);
    private static readonly nint s_pipe2 = AtomicWayStates.FunctionOf(AtomicWay.Pipe2);
    private static readonly nint s_dup3 = AtomicWayStates.FunctionOf(AtomicWay.Dup3);
    private static readonly nint s_accept4 = AtomicWayStates.FunctionOf(AtomicWay.Accept4);
    private static readonly nint s_fcntl = AtomicWayStates.FunctionOf(AtomicWay.DupFdCloexec);
    private static readonly nint s_mkostemp = AtomicWayStates.FunctionOf(AtomicWay.Mkostemp);
    private static readonly nint s_epollCreate1 = AtomicWayStates.FunctionOf(AtomicWay.EPollCreate1);
    private static readonly nint s_inotifyInit1 = AtomicWayStates.FunctionOf(AtomicWay.InotifyInit1);

    /// <summary>
    /// The address of <paramref name="way"/>'s C function, to call through an unmanaged function pointer; not 0
    /// whenever <see cref="DescriptorRuntime.UseAtomic"/> returned <see langword="true"/> for the way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint Of(AtomicWay way) => way switch
    {
        AtomicWay.OpenFlag => s_open,
        AtomicWay.Pipe2 => s_pipe2,
        AtomicWay.Dup3 => s_dup3,
        AtomicWay.Accept4 => s_accept4,
        AtomicWay.DupFdCloexec => s_fcntl,
        AtomicWay.Mkostemp => s_mkostemp,
        AtomicWay.EPollCreate1 => s_epollCreate1,
        AtomicWay.InotifyInit1 => s_inotifyInit1,
        _ => AtomicWayStates.FunctionOf(way),
    };

    /// <summary>
    /// Whether this platform's C calling convention passes variadic arguments on the stack where fixed ones would go
    /// in registers (Apple arm64): generated code then fills the eight argument registers and passes each variadic
    /// argument after them, as a native-sized integer, where <c>va_arg</c> reads it.
    /// </summary>
    public static bool VariadicArgumentsOnStack => s_variadicArgumentsOnStack;
}
