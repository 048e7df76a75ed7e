namespace Cloexec.Analyzers.Tests.FeatureSpace;

/// <summary>
/// A creator's signature as one feature of a declaration (the C# types of its parameters and result, their
/// [MarshalAs], [In]/[Out], ref kinds, default values), with the body of a <c>Run</c> method that calls it (CALL) with
/// real arguments and returns the descriptors it made.
/// </summary>
/// <param name="PathChecked">Whether Run checks that a path with non-ASCII characters arrived unchanged.</param>
/// <param name="Strings">Whether the signature has string parameters (LibraryImport then needs StringMarshalling).</param>
/// <param name="LibraryImportOk">Whether [LibraryImport] accepts the signature at all.</param>
internal sealed record Creator(
    string Feature,
    string EntryPoint,
    string ReturnType,
    string Parameters,
    string Arguments,
    string RunBody,
    string? DelegateType = null,
    bool Unsafe = false,
    bool PathChecked = false,
    bool Strings = false,
    bool LibraryImportOk = true)
{
    // O_CREAT | O_RDWR and mode 0600, from Linux's asm-generic/fcntl.h; AF_UNIX and SOCK_STREAM from its socket.h.
    private const string OpenArguments = "0x42, 0x180";

    public static readonly Creator OpenString = new(
        "string path", "open", "int", "string path, int flags, int mode", "path, flags, mode",
        $"string p = Support.NextPath(); return [Support.Opened(p, CALL(p, {OpenArguments}))];",
        DelegateType: "System.Func<string, int, int, int>", PathChecked: true, Strings: true);

    public static readonly Creator Socket = new(
        "int arguments", "socket", "int", "int domain, int type, int protocol", "domain, type, protocol",
        "return [Support.Check(CALL(1, 1, 0))];", DelegateType: "System.Func<int, int, int, int>");

    public static readonly Creator[] All =
    [
        OpenString,
        Socket,
        OpenString with { Feature = "default parameter value", Parameters = "string path, int flags, int mode = 0x180", RunBody = "string p = Support.NextPath(); return [Support.Opened(p, CALL(p, 0x42))];" },
        OpenString with { Feature = "[MarshalAs(LPStr)] string", Parameters = "[MarshalAs(UnmanagedType.LPStr)] string path, int flags, int mode", LibraryImportOk = false },
        OpenString with { Feature = "[MarshalAs(LPUTF8Str)] string", Parameters = "[MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode" },
        OpenString with { Feature = "[MarshalAs(CustomMarshaler)] string", Parameters = "[MarshalAs(UnmanagedType.CustomMarshaler, MarshalTypeRef = typeof(Utf8PathMarshaler))] string path, int flags, int mode", LibraryImportOk = false },
        OpenString with { Feature = "[In] string", Parameters = "[In] string path, int flags, int mode", LibraryImportOk = false },
        OpenString with
        {
            Feature = "byte* path", Parameters = "byte* path, int flags, int mode", Unsafe = true, DelegateType = null, Strings = false,
            RunBody = $"string p = Support.NextPath(); fixed (byte* b = Support.Utf8(p)) {{ return [Support.Opened(p, CALL(b, {OpenArguments}))]; }}",
        },
        OpenString with
        {
            Feature = "sbyte* path", Parameters = "sbyte* path, int flags, int mode", Unsafe = true, DelegateType = null, Strings = false,
            RunBody = $"string p = Support.NextPath(); fixed (byte* b = Support.Utf8(p)) {{ return [Support.Opened(p, CALL((sbyte*)b, {OpenArguments}))]; }}",
        },
        OpenString with
        {
            Feature = "SafeHandle subclass result", ReturnType = "Microsoft.Win32.SafeHandles.SafeFileHandle", DelegateType = null,
            RunBody = $"string p = Support.NextPath(); return [Support.Opened(p, Support.Release(CALL(p, {OpenArguments})))];",
        },
        OpenString with { Feature = "int enum flags", Parameters = "string path, OpenFlags flags, int mode", DelegateType = null, RunBody = "string p = Support.NextPath(); return [Support.Opened(p, CALL(p, (OpenFlags)0x42, 0x180))];" },
        OpenString with { Feature = "uint enum flags", Parameters = "string path, OpenFlagsU flags, int mode", DelegateType = null, RunBody = "string p = Support.NextPath(); return [Support.Opened(p, CALL(p, (OpenFlagsU)0x42, 0x180))];" },
        Socket with { Feature = "byte enum argument", Parameters = "AddressFamily8 domain, int type, int protocol", DelegateType = null, RunBody = "return [Support.Check(CALL((AddressFamily8)1, 1, 0))];" },
        Socket with { Feature = "sbyte enum argument", Parameters = "AddressFamilyS8 domain, int type, int protocol", DelegateType = null, RunBody = "return [Support.Check(CALL((AddressFamilyS8)1, 1, 0))];" },
        Socket with { Feature = "short enum argument", Parameters = "AddressFamily16 domain, int type, int protocol", DelegateType = null, RunBody = "return [Support.Check(CALL((AddressFamily16)1, 1, 0))];" },
        Socket with { Feature = "ushort enum argument", Parameters = "AddressFamilyU16 domain, int type, int protocol", DelegateType = null, RunBody = "return [Support.Check(CALL((AddressFamilyU16)1, 1, 0))];" },
        Socket with { Feature = "long enum argument", Parameters = "AddressFamily64 domain, int type, int protocol", DelegateType = null, RunBody = "return [Support.Check(CALL((AddressFamily64)1, 1, 0))];" },
        Socket with { Feature = "ulong enum argument", Parameters = "AddressFamilyU64 domain, int type, int protocol", DelegateType = null, RunBody = "return [Support.Check(CALL((AddressFamilyU64)1, 1, 0))];" },
        Socket with { Feature = "int enum flags argument", Parameters = "int domain, SocketTypes type, int protocol", DelegateType = null, RunBody = "return [Support.Check(CALL(1, SocketTypes.Stream, 0))];" },
        new("[MarshalAs(LPWStr)] string", "memfd_create", "int", "[MarshalAs(UnmanagedType.LPWStr)] string name, uint flags", "name, flags",
            "return [Support.Check(CALL(\"m\", 0u))];", Strings: true),
        new("[MarshalAs(LPTStr)] string", "memfd_create", "int", "[MarshalAs(UnmanagedType.LPTStr)] string name, uint flags", "name, flags",
            "return [Support.Check(CALL(\"m\", 0u))];", Strings: true, LibraryImportOk: false),
        new("char* name", "memfd_create", "int", "char* name, uint flags", "name, flags",
            "fixed (char* n = \"m\") { return [Support.Check(CALL(n, 0u))]; }", Unsafe: true),
        new("string, any encoding", "memfd_create", "int", "string name, uint flags", "name, flags",
            "return [Support.Check(CALL(\"m\", 0u))];", DelegateType: "System.Func<string, uint, int>", Strings: true),
        new("[MarshalAs(Bool)] bool", "eventfd", "int", "[MarshalAs(UnmanagedType.Bool)] bool initval, int flags", "initval, flags",
            "return [Support.Check(CALL(false, 0))];", DelegateType: "System.Func<bool, int, int>"),
        new("[MarshalAs(I1)] bool", "eventfd", "int", "[MarshalAs(UnmanagedType.I1)] bool initval, int flags", "initval, flags",
            "return [Support.Check(CALL(false, 0))];"),
        new("[MarshalAs(U1)] bool", "eventfd", "int", "[MarshalAs(UnmanagedType.U1)] bool initval, int flags", "initval, flags",
            "return [Support.Check(CALL(false, 0))];"),
        new("bare bool", "eventfd", "int", "bool initval, int flags", "initval, flags",
            "return [Support.Check(CALL(false, 0))];", LibraryImportOk: false),
        new("int[]", "pipe", "int", "int[] fds", "fds", "int[] fds = new int[2]; Support.Check(CALL(fds)); return fds;", DelegateType: "System.Func<int[], int>"),
        new("[MarshalAs(LPArray, SizeConst)] int[]", "pipe", "int", "[MarshalAs(UnmanagedType.LPArray, SizeConst = 2)] int[] fds", "fds",
            "int[] fds = new int[2]; Support.Check(CALL(fds)); return fds;", LibraryImportOk: false),
        new("[Out] int[]", "pipe", "int", "[Out] int[] fds", "fds", "int[] fds = new int[2]; Support.Check(CALL(fds)); return fds;"),
        new("[In, Out] int[]", "pipe", "int", "[In, Out] int[] fds", "fds", "int[] fds = new int[2]; Support.Check(CALL(fds)); return fds;"),
        new("int* pair", "pipe", "int", "int* fds", "fds", "int* fds = stackalloc int[2]; Support.Check(CALL(fds)); return [fds[0], fds[1]];", Unsafe: true),
        new("ref struct", "pipe", "int", "ref FdPair fds", "ref fds", "FdPair fds = default; Support.Check(CALL(ref fds)); return [fds.Read, fds.Write];"),
        new("out struct", "pipe", "int", "out FdPair fds", "out fds", "Support.Check(CALL(out FdPair fds)); return [fds.Read, fds.Write];"),
        new("in struct", "pipe2", "int", "in FdPair fds, int flags", "in fds, flags", "FdPair fds = default; Support.Check(CALL(in fds, 0)); return [fds.Read, fds.Write];"),
        new("[MarshalAs(LPArray, SizeParamIndex)] int[]", "socketpair", "int",
            "int domain, int type, int protocol, [MarshalAs(UnmanagedType.LPArray, SizeParamIndex = 0)] int[] sv", "domain, type, protocol, sv",
            "int[] sv = new int[2]; Support.Check(CALL(1, 1, 0, sv)); return sv;", LibraryImportOk: false),
        new("StringBuilder", "mkstemp", "int", "System.Text.StringBuilder template", "template",
            "var t = new System.Text.StringBuilder(Support.NextPath() + \"-XXXXXX\"); int fd = Support.Check(CALL(t)); return [Support.Opened(t.ToString(), fd)];",
            PathChecked: true, LibraryImportOk: false),
        new("byte[]", "mkstemp", "int", "byte[] template", "template",
            "byte[] t = Support.Utf8(Support.NextPath() + \"-XXXXXX\"); int fd = Support.Check(CALL(t)); return [Support.Opened(Support.FromUtf8(t), fd)];",
            DelegateType: "System.Func<byte[], int>", PathChecked: true),
        new("SafeHandle subclass argument", "dup", "int", "Microsoft.Win32.SafeHandles.SafeFileHandle fd", "fd",
            "using var h = Support.Scratch(); return [Support.Check(CALL(h))];"),
        new("abstract SafeHandle argument", "dup", "int", "SafeHandle fd", "fd",
            "using var h = Support.Scratch(); return [Support.Check(CALL(h))];", LibraryImportOk: false),
    ];
}
