using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Cloexec.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Cloexec.Analyzers.Tests;

/// <summary>
/// CLOEXEC0202: raw imports of the Win32 creators whose every call states the inheritance in an argument
/// (SECURITY_ATTRIBUTES, bInheritHandle), an Info whose message says so; and CLOEXEC0200's command for Windows code.
/// </summary>
public sealed class ArgumentInheritanceAnalyzerTests
{
    // The creators and their prototypes as the Windows SDK headers declare them (fileapi.h, namedpipeapi.h, winbase.h,
    // memoryapi.h, synchapi.h, jobapi2.h, handleapi.h, processthreadsapi.h), written here as a binding would: the
    // argument that carries the inheritance keeps the SDK's name, which the message must quote.
    public static TheoryData<string, string, string> Creators() => new()
    {
        { "CreateFileW", "nint CreateFileW(string lpFileName, uint dwDesiredAccess, uint dwShareMode, nint lpSecurityAttributes, uint dwCreationDisposition, uint dwFlagsAndAttributes, nint hTemplateFile)", "lpSecurityAttributes" },
        { "CreateFileA", "nint CreateFileA(string lpFileName, uint dwDesiredAccess, uint dwShareMode, nint lpSecurityAttributes, uint dwCreationDisposition, uint dwFlagsAndAttributes, nint hTemplateFile)", "lpSecurityAttributes" },
        { "CreateFile2", "nint CreateFile2(string lpFileName, uint dwDesiredAccess, uint dwShareMode, uint dwCreationDisposition, nint pCreateExParams)", "pCreateExParams" },
        { "CreatePipe", "int CreatePipe(out nint hReadPipe, out nint hWritePipe, nint lpPipeAttributes, uint nSize)", "lpPipeAttributes" },
        { "CreateNamedPipeW", "nint CreateNamedPipeW(string lpName, uint dwOpenMode, uint dwPipeMode, uint nMaxInstances, uint nOutBufferSize, uint nInBufferSize, uint nDefaultTimeOut, nint lpSecurityAttributes)", "lpSecurityAttributes" },
        { "CreateNamedPipeA", "nint CreateNamedPipeA(string lpName, uint dwOpenMode, uint dwPipeMode, uint nMaxInstances, uint nOutBufferSize, uint nInBufferSize, uint nDefaultTimeOut, nint lpSecurityAttributes)", "lpSecurityAttributes" },
        { "CreateFileMappingW", "nint CreateFileMappingW(nint hFile, nint lpFileMappingAttributes, uint flProtect, uint dwMaximumSizeHigh, uint dwMaximumSizeLow, string lpName)", "lpFileMappingAttributes" },
        { "CreateFileMappingA", "nint CreateFileMappingA(nint hFile, nint lpFileMappingAttributes, uint flProtect, uint dwMaximumSizeHigh, uint dwMaximumSizeLow, string lpName)", "lpFileMappingAttributes" },
        { "CreateEventW", "nint CreateEventW(nint lpEventAttributes, int bManualReset, int bInitialState, string lpName)", "lpEventAttributes" },
        { "CreateEventExW", "nint CreateEventExW(nint lpEventAttributes, string lpName, uint dwFlags, uint dwDesiredAccess)", "lpEventAttributes" },
        { "CreateMutexW", "nint CreateMutexW(nint lpMutexAttributes, int bInitialOwner, string lpName)", "lpMutexAttributes" },
        { "CreateMutexExW", "nint CreateMutexExW(nint lpMutexAttributes, string lpName, uint dwFlags, uint dwDesiredAccess)", "lpMutexAttributes" },
        { "CreateSemaphoreW", "nint CreateSemaphoreW(nint lpSemaphoreAttributes, int lInitialCount, int lMaximumCount, string lpName)", "lpSemaphoreAttributes" },
        { "CreateSemaphoreExW", "nint CreateSemaphoreExW(nint lpSemaphoreAttributes, int lInitialCount, int lMaximumCount, string lpName, uint dwFlags, uint dwDesiredAccess)", "lpSemaphoreAttributes" },
        { "CreateWaitableTimerW", "nint CreateWaitableTimerW(nint lpTimerAttributes, int bManualReset, string lpTimerName)", "lpTimerAttributes" },
        { "CreateWaitableTimerExW", "nint CreateWaitableTimerExW(nint lpTimerAttributes, string lpTimerName, uint dwFlags, uint dwDesiredAccess)", "lpTimerAttributes" },
        { "CreateJobObjectW", "nint CreateJobObjectW(nint lpJobAttributes, string lpName)", "lpJobAttributes" },
        { "DuplicateHandle", "int DuplicateHandle(nint hSourceProcessHandle, nint hSourceHandle, nint hTargetProcessHandle, out nint lpTargetHandle, uint dwDesiredAccess, int bInheritHandle, uint dwOptions)", "bInheritHandle" },
        { "OpenProcess", "nint OpenProcess(uint dwDesiredAccess, int bInheritHandle, uint dwProcessId)", "bInheritHandle" },
        { "OpenThread", "nint OpenThread(uint dwDesiredAccess, int bInheritHandle, uint dwThreadId)", "bInheritHandle" },
        { "OpenEventW", "nint OpenEventW(uint dwDesiredAccess, int bInheritHandle, string lpName)", "bInheritHandle" },
        { "OpenMutexW", "nint OpenMutexW(uint dwDesiredAccess, int bInheritHandle, string lpName)", "bInheritHandle" },
        { "OpenSemaphoreW", "nint OpenSemaphoreW(uint dwDesiredAccess, int bInheritHandle, string lpName)", "bInheritHandle" },
        { "OpenFileMappingW", "nint OpenFileMappingW(uint dwDesiredAccess, int bInheritHandle, string lpName)", "bInheritHandle" },
    };

    [Theory]
    [MemberData(nameof(Creators))]
    public async Task Every_creator_whose_inheritance_is_an_argument_is_reported_as_an_Info_naming_that_argument(string name, string prototype, string argument)
    {
        ImmutableArray<Diagnostic> reported = await AnalyzeAsync($$"""
            internal static class Kernel32
            {
                [DllImport("kernel32.dll", CharSet = CharSet.Unicode, ExactSpelling = true, SetLastError = true)]
                internal static extern {{prototype}};
            }
            """);

        Diagnostic diagnostic = Assert.Single(reported);
        Assert.Equal("CLOEXEC0202", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        string sdkName = name.StartsWith("Open", System.StringComparison.Ordinal) || name == "DuplicateHandle" ? "bInheritHandle"
            : name == "CreateFile2" ? "pCreateExParams" : "lpSecurityAttributes";
        string named = argument == sdkName ? sdkName : $"{sdkName} ('{argument}')";
        Assert.StartsWith($"'{name}' imports '{name}', whose every call states in its {named} argument whether the handle it creates is inherited", message, System.StringComparison.Ordinal);
        Assert.Contains("keeps that choice on every existing call", message, System.StringComparison.Ordinal);
        Assert.Contains("'dotnet format analyzers --diagnostics CLOEXEC0200 CLOEXEC0202 --severity info'", message, System.StringComparison.Ordinal);
        Assert.EndsWith("cloexec0202", diagnostic.Descriptor.HelpLinkUri, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kernel32")]
    [InlineData("Kernel32.dll")]
    [InlineData("KERNELBASE.DLL")]
    [InlineData("api-ms-win-core-file-l1-1-0.dll")]
    [InlineData("api-ms-win-core-namedpipe-l1-2-0")]
    public Task Every_Windows_library_name_is_recognised(string library) => Verify<RawDeclarationAnalyzer>.AnalyzerAsync($$"""
        using System;
        using System.Runtime.InteropServices;
        using Microsoft.Win32.SafeHandles;

        internal static partial class Kernel32
        {
            [DllImport("{{library}}", SetLastError = true)]
            internal static extern bool {|CLOEXEC0202:CreatePipe|}(out SafeFileHandle read, out SafeFileHandle write, IntPtr attributes, int size);

            [LibraryImport("{{library}}", EntryPoint = "OpenProcess", SetLastError = true)]
            internal static partial IntPtr {|CLOEXEC0202:Open|}(uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, uint id);
        }
        """);

    [Fact]
    public Task The_function_bound_is_matched_wrapped_imports_and_other_functions_are_left_alone() => Verify<RawDeclarationAnalyzer>.AnalyzerAsync("""
        using System;
        using System.Runtime.InteropServices;
        using Cloexec;

        internal static partial class Kernel32
        {
            // CharSet.Unicode and Auto bind CreateFileW; Ansi (the default) CreateFileA.
            [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
            internal static extern IntPtr {|CLOEXEC0202:CreateFile|}(string name, uint access, uint share, IntPtr sa, uint disposition, uint flags, IntPtr template);

            [DllImport("kernel32", EntryPoint = "CreateFile", SetLastError = true)]
            internal static extern IntPtr {|CLOEXEC0202:CreateFileAnsi|}(string name, uint access, uint share, IntPtr sa, uint disposition, uint flags, IntPtr template);

            [DllImport("kernel32", CharSet = CharSet.Auto)]
            internal static extern IntPtr {|CLOEXEC0202:OpenMutex|}(uint access, bool inherit, string name);

            // Wrapped already: the Wraps pattern.
            [DllImport("kernel32", SetLastError = true)]
            private static extern IntPtr OpenProcess(uint access, int inherit, uint id);

            [CreatesDescriptor(Wraps = nameof(OpenProcess))]
            internal static partial IntPtr Open(uint access, int inherit, uint id, bool? cloexec = null);

            // Creates nothing, or is exported by no library the declaration names.
            [DllImport("kernel32", SetLastError = true)]
            internal static extern bool CloseHandle(IntPtr handle);

            [DllImport("kernel32", SetLastError = true)]
            internal static extern IntPtr GetCurrentProcess();

            [DllImport("libc", EntryPoint = "CreateFileW")]
            internal static extern IntPtr NotWindows(string name, uint access, uint share, IntPtr sa, uint disposition, uint flags, IntPtr template);

            // A name the runtime would not probe: ExactSpelling with the plain name binds no creator.
            [DllImport("kernel32", CharSet = CharSet.Unicode, ExactSpelling = true)]
            internal static extern IntPtr CreateEvent(IntPtr sa, int manual, int initial, string name);
        }
        """);

    [Fact]
    public async Task CLOEXEC0200_gives_the_one_run_command_for_Windows_code_and_the_warn_command_for_Unix_code()
    {
        ImmutableArray<Diagnostic> reported = await AnalyzeAsync("""
            internal static class Native
            {
                [DllImport("ws2_32", SetLastError = true)]
                internal static extern nint socket(int af, int type, int protocol);

                [DllImport("libc", SetLastError = true)]
                internal static extern int dup(int fd);
            }
            """);

        string windows = reported.Single(d => d.GetMessage(CultureInfo.InvariantCulture).StartsWith("'socket'", System.StringComparison.Ordinal)).GetMessage(CultureInfo.InvariantCulture);
        string unix = reported.Single(d => d.GetMessage(CultureInfo.InvariantCulture).StartsWith("'dup'", System.StringComparison.Ordinal)).GetMessage(CultureInfo.InvariantCulture);
        Assert.All(reported, d => Assert.Equal("CLOEXEC0200", d.Id));
        Assert.EndsWith("run 'dotnet format analyzers --diagnostics CLOEXEC0200 CLOEXEC0202 --severity info'.", windows, System.StringComparison.Ordinal);
        Assert.EndsWith("run 'dotnet format analyzers --diagnostics CLOEXEC0200 --severity warn'.", unix, System.StringComparison.Ordinal);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string body)
    {
        string source = "using System;\nusing System.Runtime.InteropServices;\n\n" + body;
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Analyzed", [CSharpSyntaxTree.ParseText(source, cancellationToken: TestContext.Current.CancellationToken)], LocalReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        return await compilation.WithAnalyzers([new RawDeclarationAnalyzer()]).GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
    }
}
