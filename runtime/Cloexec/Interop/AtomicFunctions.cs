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
    private static readonly bool s_variadicArgumentsOnStack = AtomicWayTable.IsAppleArm64;

    /// <summary>
    /// The address of <paramref name="way"/>'s C function, to call through an unmanaged function pointer; not 0
    /// whenever <see cref="DescriptorRuntime.UseAtomic"/> returned <see langword="true"/> for the way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint Of(AtomicWay way) => AtomicWayStates.FunctionOf(way);

    /// <summary>
    /// Whether this platform's C calling convention passes variadic arguments on the stack where fixed ones would go
    /// in registers (Apple arm64): generated code then fills the eight argument registers and passes each variadic
    /// argument after them, as a native-sized integer, where <c>va_arg</c> reads it.
    /// </summary>
    public static bool VariadicArgumentsOnStack => s_variadicArgumentsOnStack;
}
