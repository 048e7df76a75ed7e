using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Cloexec.Interop;

/// <summary>
/// What a call is passed instead of the caller's own argument: the flags with or without the family's flag, a copy of
/// a struct or mode string that says the choice. The caller's own memory is never written.
/// </summary>
internal static class ArgumentRewriting
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static CloexecMode ResolveMode(bool? cloexec)
    {
        if (cloexec.HasValue)
        {
            if (GuardSettings.IsOn && !cloexec.GetValueOrDefault())
            {
                InheritanceIntent.BeginInheritableCall(); // the inheritance guard: what this call makes is meant to be inherited
            }

            return cloexec.GetValueOrDefault() ? CloexecMode.Set : CloexecMode.Clear;
        }

        return CloexecDefault.Current ? CloexecMode.Set : CloexecMode.PassThrough;
    }

    /// <summary>
    /// For a call that states its inheritance in an argument: unset keeps that argument, whatever the default; an explicit
    /// TRUE there is the caller's choice, as <c>cloexec: false</c> is.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static CloexecMode ResolveModeOverArgument(bool? cloexec) => cloexec.HasValue ? ResolveMode(cloexec) : CloexecMode.PassThrough;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Flags(int value, int flag, CloexecMode mode, bool atomic)
    {
        if (atomic)
        {
            return value | flag;
        }

        return mode == CloexecMode.PassThrough ? value : value & ~flag;
    }

    /// <summary>A C <c>long</c> flags argument (perf_event_open): the flag is a low bit, the rest passes through.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long Flags(long value, int flag, CloexecMode mode, bool atomic)
    {
        if (atomic)
        {
            return value | (uint)flag;
        }

        return mode == CloexecMode.PassThrough ? value : value & ~(long)(uint)flag;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int InheritArgument(int inherit, CloexecMode mode) => mode switch
    {
        CloexecMode.Set => 0,
        CloexecMode.Clear => 1,
        _ => inherit,
    };

    internal static unsafe void* SecurityAttributes(void* attributes, SecurityAttributes* storage, CloexecMode mode)
    {
        if (mode == CloexecMode.PassThrough)
        {
            return attributes;
        }

        *storage = attributes is null
            ? new SecurityAttributes { Length = sizeof(SecurityAttributes) }
            : *(SecurityAttributes*)attributes;
        storage->InheritHandle = InheritArgument(storage->InheritHandle, mode);
        return storage;
    }

    internal static unsafe void* CreateFile2Parameters(void* parameters, CreateFile2Parameters* storage, SecurityAttributes* attributes, CloexecMode mode)
    {
        if (mode == CloexecMode.PassThrough)
        {
            return parameters;
        }

        *storage = parameters is null
            ? new CreateFile2Parameters { Size = (uint)sizeof(CreateFile2Parameters) }
            : *(CreateFile2Parameters*)parameters;
        storage->SecurityAttributes = (nint)SecurityAttributes((void*)storage->SecurityAttributes, attributes, mode);
        return storage;
    }

    /// <summary>A struct the copy cannot hold (null, under 8 bytes, over 64) is passed as it is, and the kernel answers for it.</summary>
    internal static unsafe void* OpenHow(void* how, nuint size, OpenHowStorage* storage, CloexecMode mode, bool atomic)
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

    internal static unsafe byte* ModeString(byte* mode, CloexecMode cloexecMode, bool atomic) =>
        atomic || cloexecMode != CloexecMode.PassThrough ? ModeStrings.With(mode, atomic) : mode;

    [return: NotNullIfNotNull(nameof(mode))]
    internal static string? ModeString(string? mode, CloexecMode cloexecMode, bool atomic) =>
        mode is not null && (atomic || cloexecMode != CloexecMode.PassThrough) ? ModeStrings.With(mode, atomic) : mode;
}
