namespace Cloexec.Generators.Tests.Cases;

/// <summary>
/// Windows declarations as the usual bindings write them (pinvoke.net, CsWin32-style BOOL as bool), and CRT functions
/// from msvcrt.dll, whose descriptors the runtime must handle with msvcrt's own functions.
/// </summary>
internal static class WindowsCompletedSources
{
    public const string BoolResultsAndMsvcrt = """
        using System;
        using System.Runtime.InteropServices;
        using Cloexec;

        namespace Demo;

        internal static unsafe partial class Native
        {
            [CreatesDescriptor("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
            [return: MarshalAs(UnmanagedType.Bool)]
            internal static partial bool CreatePipe(out nint read, out nint write, nint securityAttributes, uint size, bool? cloexec = null);

            [CreatesDescriptor("kernel32.dll", SetLastError = true)]
            [return: MarshalAs(UnmanagedType.Bool)]
            internal static partial bool DuplicateHandle(nint sourceProcess, nint source, nint targetProcess, out nint target, uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, uint options, bool? cloexec = null);

            [LibraryImport("kernel32", EntryPoint = "CreatePipe", SetLastError = true)]
            [return: MarshalAs(UnmanagedType.Bool)]
            private static partial bool RawCreatePipe(out nint read, out nint write, nint securityAttributes, uint size);

            [CreatesDescriptor(Wraps = nameof(RawCreatePipe))]
            [return: MarshalAs(UnmanagedType.Bool)]
            internal static partial bool CreatePipeOverRaw(out nint read, out nint write, nint securityAttributes, uint size, bool? cloexec = null);

            [CreatesDescriptor("msvcrt", EntryPoint = "_dup", SetLastError = true)]
            internal static partial int Dup(int fd, bool? cloexec = null);

            [CreatesDescriptor("MSVCRT.DLL", EntryPoint = "_pipe", SetLastError = true)]
            internal static partial int Pipe(Span<int> fds, uint size, int textMode, bool? cloexec = null);

            [CreatesDescriptor("msvcrt", EntryPoint = "_wopen", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
            internal static partial int Open(string path, int flags, int mode, bool? cloexec = null);
        }

        // LibraryImportGenerator's part, stood in for by hand: the tests run only this generator.
        internal static partial class Native
        {
            private static partial bool RawCreatePipe(out nint read, out nint write, nint securityAttributes, uint size) => throw new NotImplementedException();
        }
        """;
}
