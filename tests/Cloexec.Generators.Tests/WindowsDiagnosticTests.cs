using System.Linq;
using Cloexec.Generators.Tests.Infrastructure;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>Windows declarations the generator refuses, and the usual ones it must not refuse.</summary>
public sealed class WindowsDiagnosticTests
{
    [Theory]
    [InlineData("ucrtbase", "nint")]
    [InlineData("msvcrt", "nint")]
    [InlineData("api-ms-win-crt-stdio-l1-1-0", "Microsoft.Win32.SafeHandles.SafeFileHandle")]
    [InlineData("msvcrt.dll", "long")]
    public void Crt_descriptor_returned_as_anything_but_int_is_refused(string library, string returnType)
    {
        // A CRT descriptor is an index into that CRT's table: as a HANDLE it would be closed with CloseHandle.
        GeneratorRun run = GeneratorRun.Of($$"""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("{{library}}", EntryPoint = "_dup")]
                internal static partial {{returnType}} Dup(int fd, bool? cloexec = null);
            }
            """);

        Assert.Equal(["CLOEXEC0007"], run.GeneratorDiagnostics.Select(d => d.Id));
    }

    [Theory]
    [InlineData("kernel32", "CreatePipe", "[return: System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.Bool)] internal static partial bool CreatePipe(out nint read, out nint write, nint attributes, uint size, bool? cloexec = null);", true)]
    [InlineData("kernel32", "CreatePipe", "internal static partial bool CreatePipe(out nint read, out nint write, nint attributes, uint size, bool? cloexec = null);", false)]
    [InlineData("kernel32", "CreatePipe", "[return: System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.U1)] internal static partial bool CreatePipe(out nint read, out nint write, nint attributes, uint size, bool? cloexec = null);", false)]
    [InlineData("kernel32", "CreateEventW", "internal static partial int CreateEvent(nint attributes, int manualReset, int initialState, nint name, bool? cloexec = null);", false)]
    [InlineData("ucrtbase", "_wsopen_s", "internal static partial nint SecureOpen(out int fd, nint path, int flags, int share, int mode, bool? cloexec = null);", false)]
    public void Result_is_a_BOOL_HANDLE_or_errno_t_as_declared_for_it(string library, string entryPoint, string declaration, bool accepted)
    {
        GeneratorRun run = GeneratorRun.Of($$"""
            using Cloexec;

            internal static partial class Native
            {
                [CreatesDescriptor("{{library}}", EntryPoint = "{{entryPoint}}")]
                {{declaration}}
            }
            """);

        Assert.Equal(accepted ? [] : ["CLOEXEC0007"], run.GeneratorDiagnostics.Select(d => d.Id));
    }
}
