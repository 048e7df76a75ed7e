namespace Cloexec.Generators.Model;

/// <summary>How the flag is applied to the argument that carries it: each kind has its planner and its emitter.</summary>
internal enum FlagArgumentKind
{
    /// <summary>A bit or-ed into an integer (O_CLOEXEC, SOCK_CLOEXEC...).</summary>
    Bits,
    /// <summary>openat2's struct open_how: the call gets the wrapper's copy, with O_CLOEXEC in its flags.</summary>
    OpenHowCopy,
    /// <summary>A SECURITY_ATTRIBUTES pointer: the call gets the wrapper's copy, with bInheritHandle set.</summary>
    SecurityAttributesCopy,
    /// <summary>
    /// A SECURITY_ATTRIBUTES struct or class of the user's own type, by value or by ref/in, for a raw method (Wraps): the
    /// call gets a copy the runtime makes of the same type, with bInheritHandle set.
    /// </summary>
    SecurityAttributesValueCopy,
    /// <summary>CREATEFILE2_EXTENDED_PARAMETERS: the wrapper's copy, pointing to its own SECURITY_ATTRIBUTES.</summary>
    NestedSecurityAttributesCopy,
    /// <summary>A BOOL that is TRUE for an inheritable handle.</summary>
    InheritBool,
    /// <summary>A stdio mode string, with <c>e</c> added or removed.</summary>
    ModeString,
}

/// <summary>The C# type of the flag's argument at the call, as far as writing the flag into it goes.</summary>
internal enum FlagValueWidth
{
    /// <summary><c>int</c> itself.</summary>
    Int32,
    /// <summary>Another 32-bit type (uint, an enum): converted to int and back.</summary>
    Other32,
    /// <summary>A C <c>long</c> declared as long, ulong, nint or nuint: or-ed in 64 bits, the caller's upper bits kept.</summary>
    Wide64,
    /// <summary><c>bool</c>.</summary>
    Bool,
}

/// <summary>The argument that carries the flag into the call.</summary>
/// <param name="Index">The native argument that takes the flag.</param>
/// <param name="Value">The caller's value, as the call would pass it without the flag.</param>
/// <param name="ValueType">The C# type of that argument at the call.</param>
/// <param name="FlagValue">For <see cref="FlagArgumentKind.Bits"/>: the <c>CloexecFlagValues</c> member or-ed in.</param>
/// <param name="StructSize">For <see cref="FlagArgumentKind.OpenHowCopy"/>: the argument that holds the struct's size.</param>
/// <param name="DontWaitWhileHeld">Whether MSG_DONTWAIT is added while the fork lock is held (a call that must not block under it).</param>
internal sealed record FlagArgumentPlan(
    FlagArgumentKind Kind,
    int Index,
    ArgumentValue Value,
    string ValueType,
    FlagValueWidth Width,
    string? FlagValue = null,
    ArgumentValue? StructSize = null,
    bool DontWaitWhileHeld = false);
