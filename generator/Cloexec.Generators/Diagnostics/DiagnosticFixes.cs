using System.Collections.Generic;

namespace Cloexec.Generators.Diagnostics;

/// <summary>
/// What each diagnostic's description says: the fix, complete enough for an IDE tooltip with no page at hand.
/// Kept apart from the descriptors so that adding a diagnostic and writing its fix are two visible steps; a test
/// fails for an ID without one.
/// </summary>
internal static class DiagnosticFixes
{
    private static readonly Dictionary<string, string> s_fixes = new()
    {
        ["CLOEXEC0001"] = "Declare the method 'static partial' with no body, as a [LibraryImport] method is; the generator writes the body.",
        ["CLOEXEC0002"] = "Add 'partial' to every type that contains the method, at every nesting level: the generated body is another part of each.",
        ["CLOEXEC0003"] = "Name the native library, [CreatesDescriptor(\"libc\")], or point at a raw import of the same type with [CreatesDescriptor(Wraps = nameof(RawMethod))].",
        ["CLOEXEC0004"] = "For a function the generator does not know, say where its flag goes: FlagsParameter = \"flags\" with Flag = CloexecFlag.Open (or the family it takes); or Flag = CloexecFlag.None to have close-on-exec set right after the call.",
        ["CLOEXEC0005"] = "FlagsParameter must name a parameter of the method (not 'cloexec') passed by value as int, uint or an enum of those; nint, nuint, long or ulong fit an unsigned long flags argument (Flag = CloexecFlag.PerfEvent).",
        ["CLOEXEC0006"] = "Say how the parameter crosses: a string needs StringMarshalling.Utf8 or Utf16 (or CharSet, or [MarshalAs(UnmanagedType.LPStr/LPUTF8Str/LPWStr)]); a bool needs [MarshalAs(UnmanagedType.Bool)] for a C int or U1 for a C bool. For any other type declare the raw function with [DllImport] or [LibraryImport], which marshal it, and wrap it: [CreatesDescriptor(Wraps = nameof(RawMethod))].",
        ["CLOEXEC0007"] = "Return what the native function returns: a descriptor as int, nint or a SafeHandle; pipe's and socketpair's status as int; recvmsg's byte count as nint, long or int; a Windows BOOL as int or [return: MarshalAs(UnmanagedType.Bool)] bool.",
        ["CLOEXEC0008"] = "Declare the parameter as 'bool? cloexec = null' (or 'bool cloexec'): null follows the ambient default, true and false decide for the call.",
        ["CLOEXEC0009"] = "Set Wraps to nameof(...) of a [LibraryImport] or [DllImport] method declared in the same type as the wrapper.",
        ["CLOEXEC0010"] = "Add <AllowUnsafeBlocks>true</AllowUnsafeBlocks> to the project's PropertyGroup: the generated body uses pointers, as [LibraryImport]'s does.",
        ["CLOEXEC0011"] = "Declare every native parameter up to the one that takes the flag or receives the descriptors, in the C function's order.",
        ["CLOEXEC0012"] = "Remove the type parameters from the method, and move it out of any generic type: a native function has no type parameters.",
        ["CLOEXEC0013"] = "Keep either the library name (the wrapper imports the function itself) or Wraps (it calls your raw import), not both.",
        ["CLOEXEC0014"] = "Point Wraps at the raw [LibraryImport] or [DllImport] method itself, not at a method that calls it.",
        ["CLOEXEC0015"] = "Give the wrapped import the wrapper's signature less 'cloexec': static, the same return type, the same parameter types, ref/out/in and order.",
        ["CLOEXEC0016"] = "Leave Flag out for a function the generator knows, or give FlagsParameter the family its argument takes (Flag = CloexecFlag.Open, Socket, ...).",
        ["CLOEXEC0017"] = "Remove 'ref' from the return type: a native function returns a value.",
        ["CLOEXEC0018"] = "Use StringMarshalling.Custom together with StringMarshallingCustomType = typeof(YourMarshaller), or StringMarshalling.Utf8 or Utf16 without a custom type; and set either CharSet or StringMarshalling, not both.",
        ["CLOEXEC0019"] = "Say where the new descriptors come back: Descriptors = DescriptorLocation.ReturnValue, or Pair, TwoOutArguments, MessageHeader or MessageHeaders with DescriptorsParameter = \"the argument\".",
        ["CLOEXEC0020"] = "Set DescriptorsParameter to the name of the parameter that holds the new descriptors.",
        ["CLOEXEC0100"] = "Declare the function without its variadic argument if you can (open without O_CREAT needs no mode). If the code never runs on Apple platforms, say so and the warning goes: [assembly: SupportedOSPlatform(\"linux\")] (using System.Runtime.Versioning), or [UnsupportedOSPlatform(\"macos\")] on the method or its type. #pragma does not silence generator warnings; <NoWarn>CLOEXEC0100</NoWarn> does.",
        ["CLOEXEC0101"] = "Declare the argument that carries the inheritance choice as the Win32 prototype has it: SECURITY_ATTRIBUTES* as a pointer, nint/nuint or ref/in struct; bInheritHandle as int, uint or [MarshalAs(UnmanagedType.Bool)] bool.",
        ["CLOEXEC0102"] = "Declare the argument that receives the new descriptors so the call can write into it: a pointer, nint, an array, a span, or ref/out.",
    };

    /// <summary>The fix for <paramref name="id"/>, or an empty text when none was written (which a test reports).</summary>
    public static string For(string id) => s_fixes.TryGetValue(id, out string? fix) ? fix : "";
}
