using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Cloexec.Tests.Creators;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// What the generator marshals as <c>[DllImport]</c> would have, through real calls: narrow strings by every way of
/// saying so, StringBuilder buffers, <c>[In, Out]</c> arrays. LibraryImport, and DllImport where LibraryImport has no such
/// signature, make the same calls as oracles.
/// </summary>
public sealed unsafe partial class MarshallingTests
{
    // Latin-1, Greek and Japanese: one, two and three UTF-8 bytes a character, so a UTF-16 or truncated name shows.
    private const string NonAsciiName = "marshal-\u00fcn\u00efc\u00f8d\u00e9-\u03bb-\u30d5\u30a1\u30a4\u30eb";
    private const string TemplateSuffix = "XXXXXX";
    private const string Mode600 = "600";

    private delegate int NarrowOpen(string path, int flags, int mode, bool? cloexec);

    /// <summary>Every way a declaration says its path is narrow: each must send the same UTF-8 bytes here.</summary>
    private static readonly Dictionary<string, NarrowOpen> s_narrowOpens = new()
    {
        ["LPStr"] = OpenLPStr,
        ["LPUTF8Str"] = OpenLPUtf8Str,
        ["LPTStr"] = OpenLPTStr,
        ["CharSet.Ansi"] = OpenCharSetAnsi,
        ["CharSet.Auto"] = OpenCharSetAuto,
        ["CharSet.Unicode, LPStr"] = OpenUnicodeWithLPStr,
        ["StringMarshalling.Utf16, LPStr"] = OpenUtf16WithLPStr,
    };

    public static TheoryData<string, bool> NarrowOpenStyles => AtomicAndFallback(s_narrowOpens.Keys);

    [Theory]
    [MemberData(nameof(NarrowOpenStyles))]
    public void Non_ascii_path_arrives_unchanged_and_close_on_exec(string style, bool forceFallback)
    {
        using var state = new RuntimeState(forceFallback);
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, NonAsciiName);
        int createFlags = (int)LinuxHeaderValues.Of("O_WRONLY|O_CREAT|O_TRUNC");

        int fd = s_narrowOpens[style](path, createFlags, Convert.ToInt32(Mode600, 8), null);

        Assert.True(fd >= 0, $"open failed: errno {Marshal.GetLastPInvokeError()}");
        try
        {
            Assert.True(Linux.HasCloexec(fd));
            Assert.Equal([path], Directory.GetFiles(directory.Path));
            Assert.Equal(path, Linux.Target(Environment.ProcessId, fd));
        }
        finally
        {
            _ = Native.Close(fd);
        }

        // The oracles find the file by the same name: LibraryImport's LPStr and DllImport's default (ANSI) string.
        AssertOpensExisting(OracleLibraryImportOpenLPStr(path, Linux.ORdOnly, 0));
        AssertOpensExisting(OracleDllImportOpenAnsi(path, Linux.ORdOnly, 0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Non_ascii_path_through_LPStr_is_inheritable_when_asked(bool forceFallback)
    {
        using var state = new RuntimeState(forceFallback);
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, NonAsciiName);

        int fd = OpenLPStr(path, (int)LinuxHeaderValues.Of("O_WRONLY|O_CREAT|O_TRUNC"), Convert.ToInt32(Mode600, 8), cloexec: false);

        Assert.True(fd >= 0, $"open failed: errno {Marshal.GetLastPInvokeError()}");
        Assert.False(Linux.HasCloexec(fd));
        Assert.Equal(path, Linux.Target(Environment.ProcessId, fd));
        _ = Native.Close(fd);
    }

    [Theory]
    [MemberData(nameof(CallerChoices))]
    public void Stream_of_a_CharSet_Ansi_declaration_gets_its_mode_string_edited(bool forceFallback, bool? cloexec)
    {
        using var state = new RuntimeState(forceFallback);
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, NonAsciiName);

        nint stream = FOpenAnsi(path, "w", cloexec);

        Assert.True(stream != 0, $"fopen failed: errno {Marshal.GetLastPInvokeError()}");
        try
        {
            int fd = CreatorNative.FileNumber(stream);
            Assert.Equal(cloexec != false, Linux.HasCloexec(fd));
            Assert.Equal(path, Linux.Target(Environment.ProcessId, fd));
        }
        finally
        {
            _ = CreatorNative.FClose(stream);
        }
    }

    public static TheoryData<bool, bool?> CallerChoices => new()
    {
        { false, null },
        { true, null },
        { false, false },
        { true, false },
        { true, true },
    };

    [Theory]
    [MemberData(nameof(CallerChoices))]
    public void Mkstemp_through_StringBuilder_fills_in_the_template_as_DllImport_does(bool forceFallback, bool? cloexec)
    {
        using var state = new RuntimeState(forceFallback);
        using var directory = new TemporaryDirectory();
        string prefix = Path.Combine(directory.Path, NonAsciiName + "-");
        var template = new StringBuilder(prefix + TemplateSuffix);

        int fd = Mkstemp(template, cloexec);

        Assert.True(fd >= 0, $"mkstemp failed: errno {Marshal.GetLastPInvokeError()}");
        try
        {
            Assert.Equal(cloexec != false, Linux.HasCloexec(fd));
            AssertFilledIn(prefix, template.ToString(), fd);

            // DllImport's own StringBuilder marshalling (ANSI by default) fills its template the same way.
            var oracleTemplate = new StringBuilder(prefix + TemplateSuffix);
            int oracleFd = OracleDllImportMkstemp(oracleTemplate);
            Assert.True(oracleFd >= 0, $"mkstemp (DllImport) failed: errno {Marshal.GetLastPInvokeError()}");
            AssertFilledIn(prefix, oracleTemplate.ToString(), oracleFd);
            _ = Native.Close(oracleFd);
        }
        finally
        {
            _ = Native.Close(fd);
        }
    }

    [Theory]
    [MemberData(nameof(CallerChoices))]
    public void Mkostemp_through_a_UTF8_StringBuilder_fills_in_the_template(bool forceFallback, bool? cloexec)
    {
        using var state = new RuntimeState(forceFallback);
        using var directory = new TemporaryDirectory();
        string prefix = Path.Combine(directory.Path, NonAsciiName + "-");
        var template = new StringBuilder(prefix + TemplateSuffix);

        int fd = MkostempUtf8(template, 0, cloexec);

        Assert.True(fd >= 0, $"mkostemp failed: errno {Marshal.GetLastPInvokeError()}");
        Assert.Equal(cloexec != false, Linux.HasCloexec(fd));
        AssertFilledIn(prefix, template.ToString(), fd);
        _ = Native.Close(fd);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void In_only_StringBuilder_is_sent_but_not_read_back(bool forceFallback)
    {
        using var state = new RuntimeState(forceFallback);
        using var directory = new TemporaryDirectory();
        string prefix = Path.Combine(directory.Path, NonAsciiName + "-");
        var template = new StringBuilder(prefix + TemplateSuffix);

        int fd = MkstempInOnly(template);

        Assert.True(fd >= 0, $"mkstemp failed: errno {Marshal.GetLastPInvokeError()}");
        Assert.True(Linux.HasCloexec(fd));
        Assert.Equal(prefix + TemplateSuffix, template.ToString());
        string created = Linux.Target(Environment.ProcessId, fd);
        Assert.StartsWith(prefix, created, StringComparison.Ordinal);
        Assert.NotEqual(prefix + TemplateSuffix, created);
        _ = Native.Close(fd);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Out_only_StringBuilder_comes_back_with_the_terminal_name(bool forceFallback)
    {
        using var state = new RuntimeState(forceFallback);
        int master;
        int slave;
        // Text that must not reach openpty (it writes the name, reading nothing), and that must not survive the call.
        var name = new StringBuilder("not sent", 64);

        int result = OpenPty(&master, &slave, name, null, null);

        Assert.True(result == 0, $"openpty failed: errno {Marshal.GetLastPInvokeError()}");
        try
        {
            Assert.True(Linux.HasCloexec(master));
            Assert.True(Linux.HasCloexec(slave));
            Assert.StartsWith("/dev/pts/", name.ToString(), StringComparison.Ordinal);
            Assert.Equal(Linux.Target(Environment.ProcessId, slave), name.ToString());
        }
        finally
        {
            _ = Native.Close(master);
            _ = Native.Close(slave);
        }
    }

    public static TheoryData<string, bool> ArrayStyles =>
        AtomicAndFallback(["pipe2 [In, Out]", "pipe [Out]", "socketpair [Out] LPArray", "oracle LibraryImport pipe2 [In, Out]"]);

    [Theory]
    [MemberData(nameof(ArrayStyles))]
    public void Array_comes_back_filled_with_two_connected_descriptors(string style, bool forceFallback)
    {
        using var state = new RuntimeState(forceFallback);
        int[] fds = [-1, -1];

        int result = style switch
        {
            "pipe2 [In, Out]" => Pipe2InOut(fds, 0),
            "pipe [Out]" => PipeOut(fds),
            "socketpair [Out] LPArray" => SocketPairOut(Linux.AfUnix, Linux.SockStream, 0, fds),
            _ => OracleLibraryImportPipe2(fds, Linux.OCloexec),
        };

        Assert.True(result == 0, $"{style} failed: errno {Marshal.GetLastPInvokeError()}");
        try
        {
            Assert.True(Linux.HasCloexec(fds[0]));
            Assert.True(Linux.HasCloexec(fds[1]));
            byte sent = 42;
            byte received = 0;
            Assert.Equal((nint)1, Write(fds[1], &sent, 1));
            Assert.Equal((nint)1, Read(fds[0], &received, 1));
            Assert.Equal(sent, received);
        }
        finally
        {
            _ = Native.Close(fds[0]);
            _ = Native.Close(fds[1]);
        }
    }

    /// <summary>Each style twice: atomic, and with the fallback forced.</summary>
    private static TheoryData<string, bool> AtomicAndFallback(IEnumerable<string> styles)
    {
        var data = new TheoryData<string, bool>();
        foreach (string style in styles)
        {
            data.Add(style, false);
            data.Add(style, true);
        }

        return data;
    }

    /// <summary>The template's six X became six other characters, and the descriptor is the file of that name.</summary>
    private static void AssertFilledIn(string prefix, string filled, int fd)
    {
        Assert.StartsWith(prefix, filled, StringComparison.Ordinal);
        Assert.Equal(prefix.Length + TemplateSuffix.Length, filled.Length);
        Assert.NotEqual(TemplateSuffix, filled[prefix.Length..]);
        Assert.True(File.Exists(filled), filled);
        Assert.Equal(filled, Linux.Target(Environment.ProcessId, fd));
    }

    private static void AssertOpensExisting(int fd)
    {
        Assert.True(fd >= 0, $"the oracle could not open the file: errno {Marshal.GetLastPInvokeError()}");
        _ = Native.Close(fd);
    }

    private sealed class TemporaryDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("cloexec-marshal-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true)]
    private static partial int OpenLPStr([MarshalAs(UnmanagedType.LPStr)] string path, int flags, int mode, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true)]
    private static partial int OpenLPUtf8Str([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true)]
    private static partial int OpenLPTStr([MarshalAs(UnmanagedType.LPTStr)] string path, int flags, int mode, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi)]
    private static partial int OpenCharSetAnsi(string path, int flags, int mode, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Auto)]
    private static partial int OpenCharSetAuto(string path, int flags, int mode, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Unicode)]
    private static partial int OpenUnicodeWithLPStr([MarshalAs(UnmanagedType.LPStr)] string path, int flags, int mode, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    private static partial int OpenUtf16WithLPStr([MarshalAs(UnmanagedType.LPStr)] string path, int flags, int mode, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "fopen", SetLastError = true, CharSet = CharSet.Ansi)]
    private static partial nint FOpenAnsi(string path, string mode, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "mkstemp", SetLastError = true, CharSet = CharSet.Ansi)]
    private static partial int Mkstemp(StringBuilder template, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "mkostemp", SetLastError = true)]
    private static partial int MkostempUtf8([MarshalAs(UnmanagedType.LPUTF8Str)] StringBuilder template, int flags, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "mkstemp", SetLastError = true)]
    private static partial int MkstempInOnly([In, MarshalAs(UnmanagedType.LPStr)] StringBuilder template, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "openpty", SetLastError = true, CharSet = CharSet.Ansi)]
    private static partial int OpenPty(int* master, int* slave, [Out] StringBuilder name, void* termios, void* size, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static partial int Pipe2InOut([In, Out] int[] fds, int flags, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "pipe", SetLastError = true)]
    private static partial int PipeOut([Out] int[] fds, bool? cloexec = null);

    [CreatesDescriptor("libc", EntryPoint = "socketpair", SetLastError = true)]
    private static partial int SocketPairOut(int domain, int type, int protocol, [Out, MarshalAs(UnmanagedType.LPArray, SizeConst = 2)] int[] sv, bool? cloexec = null);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static partial int OracleLibraryImportOpenLPStr([MarshalAs(UnmanagedType.LPStr)] string path, int flags, int mode);

    // These oracles are [DllImport]'s own string and StringBuilder marshalling, which the analyzers rightly discourage.
#pragma warning disable CA1838, CA2101
    [DllImport("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi)]
    private static extern int OracleDllImportOpenAnsi(string path, int flags, int mode);

    [DllImport("libc", EntryPoint = "mkstemp", SetLastError = true)]
    private static extern int OracleDllImportMkstemp(StringBuilder template);
#pragma warning restore CA1838, CA2101

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static partial int OracleLibraryImportPipe2([In, Out] int[] fds, int flags);

    [LibraryImport("libc", EntryPoint = "write")]
    private static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "read")]
    private static partial nint Read(int fd, byte* buffer, nuint count);
}
