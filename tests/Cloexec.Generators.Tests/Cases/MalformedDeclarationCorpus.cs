using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Cloexec.Generators.Tests.Cases;

/// <summary>A wrong declaration with its expected diagnostics marked in place (<c>{|CLOEXEC0004:Name|}</c>).</summary>
public sealed record MalformedCase(string Name, string MarkedSource, bool AllowUnsafe = true);

/// <summary>
/// Declarations a user gets wrong, one mistake each (a few hold two): every misuse the diagnostics cover, in the shapes
/// half-typed code takes. Most are members of one unsafe partial class; the type-level mistakes are whole files.
/// </summary>
public static class MalformedDeclarationCorpus
{
    public static IReadOnlyList<MalformedCase> All { get; } =
    [
        // Shape of the method: CLOEXEC0001, 0012, 0017.
        Member("NotStatic", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal partial int {|CLOEXEC0001:Dup|}(int fd);"""),
        Member("NotPartial", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static int {|CLOEXEC0001:Dup|}(int fd);"""),
        Member("PartialWithBody", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int {|CLOEXEC0001:Dup|}(int fd) => fd;"""),
        Member("OrdinaryMethodWithBody", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static int {|CLOEXEC0001:Dup|}(int fd) { return fd; }"""),
        Member("ExternMethod", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static extern int {|CLOEXEC0001:Dup|}(int fd);"""),
        Member("GenericMethod", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int {|CLOEXEC0012:Dup|}<T>(T fd);"""),
        Member("GenericMethodWithConstraints", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int {|CLOEXEC0012:Dup|}<T, U>(T fd, U u) where T : unmanaged where U : class, new();"""),
        Member("RefReturn", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial {|CLOEXEC0017:ref int|} Dup(int fd);"""),
        Member("RefReadonlyReturn", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial {|CLOEXEC0017:ref readonly int|} Dup(int fd);"""),

        // The types around it: CLOEXEC0002, 0012.
        File("TypeNotPartial", """
            using Cloexec;
            internal static class {|CLOEXEC0002:Native|} { [CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int Dup(int fd); }
            """),
        File("OuterTypeNotPartial", """
            using Cloexec;
            internal static class {|CLOEXEC0002:Outer|} { internal static partial class Native { [CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int Dup(int fd); } }
            """),
        File("StructNotPartial", """
            using Cloexec;
            internal struct {|CLOEXEC0002:Native|} { [CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int Dup(int fd); }
            """),
        File("GenericType", """
            using Cloexec;
            internal static partial class {|CLOEXEC0012:Native|}<T> { [CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int Dup(int fd); }
            """),
        File("GenericMethodInGenericType", """
            using Cloexec;
            internal static partial class {|CLOEXEC0012:Native|}<T> { [CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int {|CLOEXEC0012:Dup|}<U>(int fd); }
            """),
        File("GenericOuterType", """
            using Cloexec;
            internal partial class {|CLOEXEC0012:Outer|}<T> where T : struct { internal static partial class Native { [CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int Dup(int fd); } }
            """),

        // Library and Wraps: CLOEXEC0003, 0013, 0009, 0014, 0015.
        Member("NoLibraryNoWraps", """[CreatesDescriptor(EntryPoint = "dup")] internal static partial int {|CLOEXEC0003:Dup|}(int fd);"""),
        Member("EmptyLibrary", """[CreatesDescriptor("", EntryPoint = "dup")] internal static partial int {|CLOEXEC0003:Dup|}(int fd);"""),
        Member("BlankLibrary", """[CreatesDescriptor("   ", EntryPoint = "dup")] internal static partial int {|CLOEXEC0003:Dup|}(int fd);"""),
        Member("NullLibrary", """[CreatesDescriptor(null!, EntryPoint = "dup")] internal static partial int {|CLOEXEC0003:Dup|}(int fd);"""),
        Member("LibraryAndWraps", """
            [DllImport("libc", EntryPoint = "dup")] private static extern int RawDup(int fd);
            [CreatesDescriptor("libc", Wraps = nameof(RawDup))] internal static partial int {|CLOEXEC0013:Dup|}(int fd);
            """),
        Member("WrapsNamesNothing", """[CreatesDescriptor(Wraps = "RawDup")] internal static partial int {|CLOEXEC0009:Dup|}(int fd);"""),
        Member("WrapsNamesAProperty", """
            private static int RawDup => 3;
            [CreatesDescriptor(Wraps = nameof(RawDup))] internal static partial int {|CLOEXEC0009:Dup|}(int fd);
            """),
        Member("WrapsNamesAnOrdinaryMethod", """
            private static int RawDup(int fd) => fd;
            [CreatesDescriptor(Wraps = nameof(RawDup))] internal static partial int {|CLOEXEC0014:Dup|}(int fd);
            """),
        Member("WrapsNamesItself", """[CreatesDescriptor(Wraps = nameof(Dup))] internal static partial int {|CLOEXEC0014:Dup|}(int fd);"""),
        Member("WrapsParameterTypeDiffers", """
            [DllImport("libc", EntryPoint = "dup")] private static extern int RawDup(long fd);
            [CreatesDescriptor(Wraps = nameof(RawDup))] internal static partial int {|CLOEXEC0015:Dup|}(int fd);
            """),
        Member("WrapsReturnTypeDiffers", """
            [DllImport("libc", EntryPoint = "dup")] private static extern nint RawDup(int fd);
            [CreatesDescriptor(Wraps = nameof(RawDup))] internal static partial int {|CLOEXEC0015:Dup|}(int fd);
            """),
        Member("WrapsParameterCountDiffers", """
            [DllImport("libc", EntryPoint = "dup2")] private static extern int RawDup2(int fd, int other);
            [CreatesDescriptor(Wraps = nameof(RawDup2))] internal static partial int {|CLOEXEC0015:Dup2|}(int fd, bool? cloexec = null);
            """),
        Member("WrapsRefKindDiffers", """
            [DllImport("libc", EntryPoint = "pipe")] private static extern int RawPipe(ref int fds);
            [CreatesDescriptor(Wraps = nameof(RawPipe))] internal static partial int {|CLOEXEC0015:Pipe|}(out int fds);
            """),

        // Where the flag goes: CLOEXEC0004, 0005, 0016, 0011.
        Member("UnknownEntryPoint", """[CreatesDescriptor("libdemo", EntryPoint = "demo_open")] internal static partial int {|CLOEXEC0004:DemoOpen|}(int flags);"""),
        Member("UnknownEntryPointByName", """[CreatesDescriptor("libc")] internal static partial int {|CLOEXEC0004:make_channel|}(int flags);"""),
        Member("UnknownEntryPointWithFlagOnly", """[CreatesDescriptor("libdemo", EntryPoint = "demo_open", Flag = CloexecFlag.Open)] internal static partial int {|CLOEXEC0004:DemoOpen|}(int flags);"""),
        Member("FlagsParameterNamesNothing", """[CreatesDescriptor("libdemo", EntryPoint = "demo_open", FlagsParameter = "oflags", Flag = CloexecFlag.Open)] internal static partial int {|CLOEXEC0005:DemoOpen|}(int flags);"""),
        Member("FlagsParameterNamesCloexec", """[CreatesDescriptor("libdemo", EntryPoint = "demo_open", FlagsParameter = "cloexec", Flag = CloexecFlag.Open)] internal static partial int {|CLOEXEC0005:DemoOpen|}(int flags, bool? cloexec = null);"""),
        Member("FlagsParameterOfTypeLong", """[CreatesDescriptor("libdemo", EntryPoint = "demo_open", FlagsParameter = "flags", Flag = CloexecFlag.Open)] internal static partial int {|CLOEXEC0005:DemoOpen|}(long flags);"""),
        Member("FlagsParameterByReference", """[CreatesDescriptor("libdemo", EntryPoint = "demo_open", FlagsParameter = "flags", Flag = CloexecFlag.Open)] internal static partial int {|CLOEXEC0005:DemoOpen|}(ref int flags);"""),
        Member("KnownFlagsArgumentOfTypeLong", """[CreatesDescriptor("libc", EntryPoint = "open")] internal static partial int Open(byte* path, long {|CLOEXEC0005:flags|});"""),
        Member("KnownFlagsArgumentPointer", """[CreatesDescriptor("libc", EntryPoint = "socket")] internal static partial int Socket(int domain, int* {|CLOEXEC0005:type|}, int protocol);"""),
        Member("FlagOfAnotherFamily", """[CreatesDescriptor("libc", EntryPoint = "open", Flag = CloexecFlag.Socket)] internal static partial int {|CLOEXEC0016:Open|}(byte* path, int flags);"""),
        Member("FlagOfAnotherFamilyForLegacyCall", """[CreatesDescriptor("libc", EntryPoint = "pipe", Flag = CloexecFlag.EventFd)] internal static partial int {|CLOEXEC0016:Pipe|}(Span<int> fds);"""),
        Member("FlagsParameterWithoutFlag", """[CreatesDescriptor("libdemo", EntryPoint = "demo_open", FlagsParameter = "flags")] internal static partial int {|CLOEXEC0016:DemoOpen|}(int flags);"""),
        Member("FlagsParameterWithFlagNone", """[CreatesDescriptor("libdemo", EntryPoint = "demo_open", FlagsParameter = "flags", Flag = CloexecFlag.None)] internal static partial int {|CLOEXEC0016:DemoOpen|}(int flags);"""),
        Member("OpenWithoutFlags", """[CreatesDescriptor("libc", EntryPoint = "open")] internal static partial int {|CLOEXEC0011:Open|}(byte* path);"""),
        Member("SocketpairWithoutPair", """[CreatesDescriptor("libc", EntryPoint = "socketpair")] internal static partial int {|CLOEXEC0011:SocketPair|}(int domain, int type, int protocol);"""),
        Member("Dup2WithOneArgument", """[CreatesDescriptor("libc", EntryPoint = "dup2")] internal static partial int {|CLOEXEC0011:Dup2|}(int fd);"""),
        Member("SignalfdWithoutFlags", """[CreatesDescriptor("libc", EntryPoint = "signalfd")] internal static partial int {|CLOEXEC0011:SignalFd|}(int fd, nint mask);"""),

        // Parameter, cloexec and return types: CLOEXEC0006, 0008, 0007.
        Member("StringWithoutMarshalling", """[CreatesDescriptor("libc", EntryPoint = "open")] internal static partial int Open(string {|CLOEXEC0006:path|}, int flags);"""),
        Member("BoolWithoutMarshalAs", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int Dup(int fd, bool {|CLOEXEC0006:x|});"""),
        Member("CharParameter", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int Dup(int fd, char {|CLOEXEC0006:c|});"""),
        Member("ObjectParameter", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int Dup(int fd, object {|CLOEXEC0006:o|});"""),
        Member("StringBuilderParameter", """[CreatesDescriptor("libc", EntryPoint = "open")] internal static partial int Open(System.Text.StringBuilder {|CLOEXEC0006:path|}, int flags);"""),
        Member("AbstractSafeHandleParameter", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int Dup(SafeHandle {|CLOEXEC0006:fd|});"""),
        Member("StringByReference", """[CreatesDescriptor("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)] internal static partial int Open(ref string {|CLOEXEC0006:path|}, int flags);"""),
        Member("ArrayOfStrings", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int Dup(int fd, string[] {|CLOEXEC0006:names|});"""),
        Member("NullableIntParameter", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int Dup(int? {|CLOEXEC0006:fd|});"""),
        Member("CloexecOfTypeInt", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int Dup(int fd, int {|CLOEXEC0008:cloexec|});"""),
        Member("CloexecOfTypeString", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int Dup(int fd, string {|CLOEXEC0008:cloexec|});"""),
        Member("VoidReturn", """[CreatesDescriptor("libc", EntryPoint = "socket")] internal static partial void {|CLOEXEC0007:Socket|}(int domain, int type, int protocol);"""),
        Member("LongReturnForDescriptor", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial long {|CLOEXEC0007:Dup|}(int fd);"""),
        Member("NintReturnForPipe", """[CreatesDescriptor("libc", EntryPoint = "pipe")] internal static partial nint {|CLOEXEC0007:Pipe|}(Span<int> fds);"""),
        Member("BoolReturnForRecvmsg", """[CreatesDescriptor("libc", EntryPoint = "recvmsg")] internal static partial bool {|CLOEXEC0007:RecvMsg|}(int fd, nint msg, int flags);"""),
        Member("AbstractSafeHandleReturn", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial SafeHandle {|CLOEXEC0007:Dup|}(int fd);"""),

        // String marshalling settings: CLOEXEC0018.
        Member("CustomWithoutType", """[CreatesDescriptor("libc", EntryPoint = "dup", StringMarshalling = StringMarshalling.Custom)] internal static partial int {|CLOEXEC0018:Dup|}(int fd);"""),
        Member("TypeWithoutCustom", """[CreatesDescriptor("libc", EntryPoint = "dup", StringMarshallingCustomType = typeof(object))] internal static partial int {|CLOEXEC0018:Dup|}(int fd);"""),
        Member("TypeWithUtf8", """[CreatesDescriptor("libc", EntryPoint = "dup", StringMarshalling = StringMarshalling.Utf8, StringMarshallingCustomType = typeof(object))] internal static partial int {|CLOEXEC0018:Dup|}(int fd);"""),

        // Platform rules: CLOEXEC0100 (a warning), 0101.
        Member("VariadicModeOfOpen", """[CreatesDescriptor("libc", EntryPoint = "open")] internal static partial int Open(byte* path, int flags, int {|CLOEXEC0100:mode|});"""),
        // Where the descriptors come back: CLOEXEC0019, 0020, 0102.
        Member("UnknownCreatorWithOutArguments", """[CreatesDescriptor("libutil", EntryPoint = "my_openpty", Flag = CloexecFlag.None)] internal static partial int OpenPty(out int {|CLOEXEC0019:master|}, out int slave);"""),
        Member("DescriptorsParameterMissing", """[CreatesDescriptor("libdemo", EntryPoint = "make_pair", Flag = CloexecFlag.None, Descriptors = DescriptorLocation.Pair)] internal static partial int {|CLOEXEC0020:MakePair|}(int[] fds);"""),
        Member("MessageHeaderByValue", """[CreatesDescriptor("libc", EntryPoint = "recvmsg")] internal static partial nint RecvMsg(int fd, long {|CLOEXEC0102:msg|}, int flags);"""),
        Member("SecurityAttributesNotAPointer", """[CreatesDescriptor("kernel32", EntryPoint = "CreatePipe", SetLastError = true)] internal static partial int CreatePipe(out nint read, out nint write, int {|CLOEXEC0101:attributes|}, uint size);"""),

        // Unsafe code: CLOEXEC0010.
        new("UnsafeNotAllowed", """
            using Cloexec;
            internal static partial class Native { [CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial int {|CLOEXEC0010:Dup|}(int fd); }
            """, AllowUnsafe: false),

        // Two mistakes at once: both are reported.
        Member("NotStaticAndUnsupportedParameter", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal partial int {|CLOEXEC0001:Dup|}(object {|CLOEXEC0006:fd|});"""),
        Member("BadCloexecAndBadReturn", """[CreatesDescriptor("libc", EntryPoint = "dup")] internal static partial void {|CLOEXEC0007:Dup|}(int fd, long {|CLOEXEC0008:cloexec|});"""),
    ];

    public static TheoryData<string> Names
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (MalformedCase malformed in All)
            {
                names.Add(malformed.Name);
            }

            return names;
        }
    }

    public static MalformedCase Named(string name) => All.Single(c => c.Name == name);

    private static MalformedCase File(string name, string source) => new(name, source);

    private static MalformedCase Member(string name, string members) => new(name, $$"""
        using System;
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
        {{members}}
        }
        """);
}
