using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace Cloexec.Windows.Tests;

/// <summary>
/// The generator's [DllImport]-style marshalling on Windows, where it differs from Unix: LPStr is the ANSI code page
/// (CreateFileA), CharSet.Auto and LPTStr are UTF-16, and a CharSet declaration's plain bool result is a BOOL.
/// </summary>
public sealed unsafe partial class MarshallingTests
{
    // Greek and Japanese: UTF-16 carries them on every locale; an ANSI or UTF-8 path would not name this file.
    private const string WideName = "cloexec-marshal-\u03bb-\u30d5\u30a1\u30a4\u30eb";

    [Fact]
    public void LPStr_path_names_the_file_LibraryImport_LPStr_opens()
    {
        // ASCII: the same bytes in every ANSI code page, so the test does not depend on Wine's locale.
        string path = Path.Combine(Path.GetTempPath(), "cloexec-marshal-ansi-" + Guid.NewGuid().ToString("n"));
        try
        {
            using (SafeFileHandle created = CreateFileAnsi(path, Win32.GenericWrite, Win32.FileShareAll, 0, Win32.CreateAlways, Win32.FileAttributeNormal, 0))
            {
                Assert.False(created.IsInvalid, $"CreateFileA failed: {Marshal.GetLastPInvokeError()}");
                Assert.True(FileDescriptor.GetCloexec(created));
            }

            using SafeFileHandle oracle = OracleCreateFileAnsi(path, Win32.GenericRead, Win32.FileShareAll, 0, Win32.OpenExisting, Win32.FileAttributeNormal, 0);
            Assert.False(oracle.IsInvalid, $"the LibraryImport oracle could not open the file: {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("CharSet.Auto")]
    [InlineData("LPTStr")]
    [InlineData("CharSet.Unicode")]
    public void Wide_path_arrives_unchanged(string style)
    {
        string directory = Directory.CreateTempSubdirectory("cloexec-marshal-").FullName;
        string path = Path.Combine(directory, WideName);
        try
        {
            using (SafeFileHandle created = style switch
            {
                "CharSet.Auto" => CreateFileAuto(path, Win32.GenericWrite, Win32.FileShareAll, 0, Win32.CreateAlways, Win32.FileAttributeNormal, 0),
                "LPTStr" => CreateFileLPTStr(path, Win32.GenericWrite, Win32.FileShareAll, 0, Win32.CreateAlways, Win32.FileAttributeNormal, 0),
                _ => CreateFileUnicode(path, Win32.GenericWrite, Win32.FileShareAll, 0, Win32.CreateAlways, Win32.FileAttributeNormal, 0),
            })
            {
                Assert.False(created.IsInvalid, $"CreateFileW failed: {Marshal.GetLastPInvokeError()}");
                Assert.True(FileDescriptor.GetCloexec(created));
            }

            Assert.Equal([path], Directory.GetFiles(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    [InlineData(true)]
    public void Plain_bool_result_of_a_CharSet_declaration_is_a_BOOL(bool? cloexec)
    {
        bool created = CreatePipe(out nint read, out nint write, 0, 0, cloexec);

        Assert.True(created, $"CreatePipe failed: {Marshal.GetLastPInvokeError()}");
        try
        {
            Assert.Equal(cloexec != false, FileDescriptor.GetCloexec(read));
            Assert.Equal(cloexec != false, FileDescriptor.GetCloexec(write));
        }
        finally
        {
            _ = Win32.CloseHandle(read);
            _ = Win32.CloseHandle(write);
        }
    }

    [CreatesDescriptor("kernel32", EntryPoint = "CreateFileA", SetLastError = true)]
    private static partial SafeFileHandle CreateFileAnsi([MarshalAs(UnmanagedType.LPStr)] string name, uint access, uint share, nint securityAttributes, uint disposition, uint attributes, nint template, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateFileW", SetLastError = true, CharSet = CharSet.Auto)]
    private static partial SafeFileHandle CreateFileAuto(string name, uint access, uint share, nint securityAttributes, uint disposition, uint attributes, nint template, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateFileW", SetLastError = true)]
    private static partial SafeFileHandle CreateFileLPTStr([MarshalAs(UnmanagedType.LPTStr)] string name, uint access, uint share, nint securityAttributes, uint disposition, uint attributes, nint template, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreateFileW", SetLastError = true, CharSet = CharSet.Unicode)]
    private static partial SafeFileHandle CreateFileUnicode(string name, uint access, uint share, nint securityAttributes, uint disposition, uint attributes, nint template, bool? cloexec = null);

    [CreatesDescriptor("kernel32", EntryPoint = "CreatePipe", SetLastError = true, CharSet = CharSet.Auto)]
    private static partial bool CreatePipe(out nint read, out nint write, nint securityAttributes, uint size, bool? cloexec = null);

    [LibraryImport("kernel32", EntryPoint = "CreateFileA", SetLastError = true)]
    private static partial SafeFileHandle OracleCreateFileAnsi([MarshalAs(UnmanagedType.LPStr)] string name, uint access, uint share, nint securityAttributes, uint disposition, uint attributes, nint template);
}
