using System.Collections.Generic;
using System.Linq;

namespace Cloexec.Generators.Tests.Cases;

/// <summary>
/// The shapes real Win32 bindings give the creators whose inheritance is an explicit argument (SECURITY_ATTRIBUTES,
/// bInheritHandle), one declaration each: written in the direct form and in the Wraps form over a raw [DllImport].
/// </summary>
internal static class WindowsArgumentShapeSources
{
    /// <summary>One raw declaration: its entry point, result and parameters as the binding writes them.</summary>
    /// <param name="Name">The method's name, unique in the matrix.</param>
    /// <param name="ReturnAttribute">A <c>[return: ...]</c> list, or empty.</param>
    /// <param name="DirectRefusal">
    /// What the generator says of the direct form, in diagnostic ids, or empty when it marshals every parameter itself:
    /// the code fix must write the Wraps form exactly where this is not empty.
    /// </param>
    internal sealed record Shape(string Name, string EntryPoint, string ReturnAttribute, string ReturnType, string Parameters, string[] DirectRefusal)
    {
        public override string ToString() => Name;
    }

    public const string Types = """
        using System;
        using System.Runtime.InteropServices;
        using Cloexec;
        using Microsoft.Win32.SafeHandles;

        namespace Demo;

        [StructLayout(LayoutKind.Sequential)]
        internal struct SECURITY_ATTRIBUTES
        {
            public int nLength;
            public IntPtr lpSecurityDescriptor;
            public int bInheritHandle;
        }

        // The other usual struct: bInheritHandle a bool, which [DllImport] marshals as a BOOL.
        [StructLayout(LayoutKind.Sequential)]
        internal struct SecurityAttributesWithBool
        {
            public int nLength;
            public IntPtr lpSecurityDescriptor;
            [MarshalAs(UnmanagedType.Bool)]
            public bool bInheritHandle;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal sealed class SecurityAttributesClass
        {
            public int nLength = Marshal.SizeOf<SecurityAttributesClass>();
            public IntPtr lpSecurityDescriptor;
            public bool bInheritHandle;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct CREATEFILE2_EXTENDED_PARAMETERS
        {
            public uint dwSize;
            public uint dwFileAttributes;
            public uint dwFileFlags;
            public uint dwSecurityQosFlags;
            public SECURITY_ATTRIBUTES* lpSecurityAttributes;
            public IntPtr hTemplateFile;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct PROCESS_INFORMATION
        {
            public IntPtr hProcess;
            public IntPtr hThread;
            public int dwProcessId;
            public int dwThreadId;
        }

        internal sealed class SafeEventHandle : SafeHandleZeroOrMinusOneIsInvalid
        {
            public SafeEventHandle() : base(true) { }

            protected override bool ReleaseHandle() => true;
        }

        """;

    private const string Bool = "[MarshalAs(UnmanagedType.Bool)] ";

    // The direct form's answers: a parameter the generator does not marshal (CLOEXEC0006), an inheritance argument
    // it cannot copy (CLOEXEC0101), or both.
    private static readonly string[] Accepted = [];
    private static readonly string[] Parameter = ["CLOEXEC0006"];
    private static readonly string[] Argument = ["CLOEXEC0101"];
    private static readonly string[] ParameterAndArgument = ["CLOEXEC0006", "CLOEXEC0101"];
    private const string ReturnBool = "[return: MarshalAs(UnmanagedType.Bool)]";

    public static IEnumerable<Shape> All()
    {
        // SECURITY_ATTRIBUTES in each shape, on CreateEventW (a HANDLE, NULL on failure) and CreateFileW.
        yield return new("EventPointer", "CreateEventW", "", "IntPtr", "SECURITY_ATTRIBUTES* attributes, int manualReset, int initialState, string name", Accepted);
        yield return new("EventNint", "CreateEventW", "", "nint", "nint attributes, int manualReset, int initialState, string name", Accepted);
        yield return new("EventIntPtr", "CreateEventW", "", "IntPtr", "IntPtr attributes, " + Bool + "bool manualReset, " + Bool + "bool initialState, string name", Accepted);
        yield return new("EventRef", "CreateEventW", "", "IntPtr", "ref SECURITY_ATTRIBUTES attributes, int manualReset, int initialState, string name", Accepted);
        yield return new("EventIn", "CreateEventW", "", "IntPtr", "in SECURITY_ATTRIBUTES attributes, int manualReset, int initialState, string name", Accepted);
        yield return new("EventInRef", "CreateEventW", "", "IntPtr", "[In] ref SECURITY_ATTRIBUTES attributes, int manualReset, int initialState, string name", Accepted);
        yield return new("EventByValue", "CreateEventW", "", "IntPtr", "SECURITY_ATTRIBUTES attributes, int manualReset, int initialState, string name", Argument);
        yield return new("EventBoolStructRef", "CreateEventW", "", "IntPtr", "ref SecurityAttributesWithBool attributes, bool manualReset, bool initialState, string name", ParameterAndArgument);
        yield return new("EventBoolStructByValue", "CreateEventW", "", "IntPtr", "SecurityAttributesWithBool attributes, bool manualReset, bool initialState, string name", ParameterAndArgument);
        yield return new("EventClass", "CreateEventW", "", "SafeWaitHandle", "SecurityAttributesClass? attributes, bool manualReset, bool initialState, string? name", ParameterAndArgument);
        yield return new("EventClassInOut", "CreateEventW", "", "SafeEventHandle", "[In, Out] SecurityAttributesClass attributes, bool manualReset, bool initialState, string name", ParameterAndArgument);
        yield return new("FileSafeHandle", "CreateFileW", "", "SafeFileHandle", "string name, uint access, uint share, SecurityAttributesClass? attributes, uint disposition, uint flags, IntPtr template", ParameterAndArgument);
        yield return new("FileRefStruct", "CreateFileW", "", "SafeFileHandle", "string name, uint access, uint share, ref SECURITY_ATTRIBUTES attributes, uint disposition, uint flags, IntPtr template", Accepted);
        yield return new("FileIntPtr", "CreateFileW", "", "IntPtr", "string name, uint access, uint share, IntPtr attributes, uint disposition, uint flags, IntPtr template", Accepted);
        yield return new("FileByValueInt", "CreateFileW", "", "int", "string name, uint access, uint share, SECURITY_ATTRIBUTES attributes, uint disposition, uint flags, IntPtr template", Argument);

        // CreateFile2's CREATEFILE2_EXTENDED_PARAMETERS points to the SECURITY_ATTRIBUTES: through a pointer in both forms,
        // by ref only in the direct form (no binding seen declares it by ref over a raw import; CLOEXEC0101 says so).
        yield return new("File2Pointer", "CreateFile2", "", "SafeFileHandle", "string name, uint access, uint share, uint disposition, CREATEFILE2_EXTENDED_PARAMETERS* parameters", Accepted);
        yield return new("File2Ref", "CreateFile2", "", "IntPtr", "string name, uint access, uint share, uint disposition, ref CREATEFILE2_EXTENDED_PARAMETERS parameters", Accepted);

        // CreatePipe: BOOL result in each shape, handles out as IntPtr or SafeFileHandle.
        yield return new("PipeSafeHandles", "CreatePipe", "", "bool", "out SafeFileHandle read, out SafeFileHandle write, SecurityAttributesClass? attributes, int size", ParameterAndArgument);
        yield return new("PipeSafeHandlesRef", "CreatePipe", ReturnBool, "bool", "out SafeFileHandle read, out SafeFileHandle write, ref SECURITY_ATTRIBUTES attributes, uint size", Parameter);
        yield return new("PipeIntPtrs", "CreatePipe", "", "bool", "out IntPtr read, out IntPtr write, IntPtr attributes, uint size", Accepted);
        yield return new("PipeIntResult", "CreatePipe", "", "int", "out IntPtr read, out IntPtr write, ref SecurityAttributesWithBool attributes, uint size", ParameterAndArgument);
        yield return new("PipeByValue", "CreatePipe", ReturnBool, "bool", "out SafeFileHandle read, out SafeFileHandle write, SECURITY_ATTRIBUTES attributes, uint size", ParameterAndArgument);

        // DuplicateHandle: bInheritHandle in each type, sources as HandleRef, IntPtr or SafeHandle, the target out.
        yield return new("DuplicateIntPtr", "DuplicateHandle", "", "bool", "IntPtr sourceProcess, IntPtr source, IntPtr targetProcess, out IntPtr target, uint access, bool inherit, uint options", Accepted);
        yield return new("DuplicateHandleRef", "DuplicateHandle", ReturnBool, "bool", "HandleRef sourceProcess, HandleRef source, HandleRef targetProcess, out SafeWaitHandle target, int access, " + Bool + "bool inherit, int options", Parameter);
        yield return new("DuplicateSafeHandle", "DuplicateHandle", "", "bool", "SafeHandle sourceProcess, SafeHandle source, SafeHandle targetProcess, out SafeFileHandle target, uint access, bool inherit, uint options", Parameter);
        yield return new("DuplicateIntInherit", "DuplicateHandle", "", "int", "IntPtr sourceProcess, SafeHandle source, IntPtr targetProcess, out IntPtr target, uint access, int inherit, uint options", Parameter);
        yield return new("DuplicateUintInherit", "DuplicateHandle", ReturnBool, "bool", "IntPtr sourceProcess, IntPtr source, IntPtr targetProcess, out IntPtr target, uint access, uint inherit, uint options", Accepted);

        // The Open* functions: bInheritHandle in each type, the result in each type.
        yield return new("OpenProcessBool", "OpenProcess", "", "SafeProcessHandle", "int access, bool inherit, int processId", Accepted);
        yield return new("OpenProcessMarshalBool", "OpenProcess", "", "IntPtr", "uint access, " + Bool + "bool inherit, uint processId", Accepted);
        yield return new("OpenProcessInt", "OpenProcess", "", "nint", "uint access, int inherit, uint processId", Accepted);
        yield return new("OpenEventUint", "OpenEventW", "", "SafeWaitHandle", "uint access, uint inherit, string name", Accepted);
        yield return new("OpenMutexBool", "OpenMutexW", "", "SafeWaitHandle", "uint access, bool inherit, string name", Accepted);
    }

    /// <summary>A golden case: one of each shape the Wraps form takes that the direct form does not.</summary>
    public static string WrapsGolden() => Types + """
        internal static unsafe partial class Native
        {
        """ + string.Concat(All().Where(shape => shape.DirectRefusal.Length > 0).Select(shape => Members(shape))) + "}\n";

    /// <summary>The raw [DllImport] and, over it, the Wraps method with the original name and signature.</summary>
    public static string Wraps(Shape shape) => Types + """
        internal static unsafe partial class Native
        {
        """ + Members(shape) + "}\n";

    private static string Members(Shape shape) => $$"""
            [DllImport("kernel32", EntryPoint = "{{shape.EntryPoint}}", CharSet = CharSet.Unicode, SetLastError = true)]
            {{shape.ReturnAttribute}}
            private static extern {{shape.ReturnType}} Raw{{shape.Name}}({{shape.Parameters}});

            [CreatesDescriptor(Wraps = nameof(Raw{{shape.Name}}))]
            {{shape.ReturnAttribute}}
            internal static partial {{shape.ReturnType}} {{shape.Name}}({{shape.Parameters}}, bool? cloexec = null);

        """;

    /// <summary>The direct form: the generator marshals every parameter itself, in [DllImport]'s style.</summary>
    public static string Direct(Shape shape) => Types + $$"""
        internal static unsafe partial class Native
        {
            [CreatesDescriptor("kernel32", EntryPoint = "{{shape.EntryPoint}}", CharSet = CharSet.Unicode, SetLastError = true)]
            {{shape.ReturnAttribute}}
            internal static partial {{shape.ReturnType}} {{shape.Name}}({{shape.Parameters}}, bool? cloexec = null);
        }
        """;
}
