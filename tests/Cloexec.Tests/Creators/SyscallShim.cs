using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cloexec.Testing;

namespace Cloexec.Tests.Creators;

/// <summary>
/// The test shim library (Shim/cloexecshim.c): compiled with gcc on first use into a folder of this process, and
/// resolved for this test assembly under <see cref="Name"/>. Built here rather than by MSBuild, so that building the
/// solution needs no C compiler; without gcc the shim's tests are skipped, saying how to install it.
/// </summary>
internal static class SyscallShim
{
    /// <summary>The library name the declarations use: not a Windows library, so the generator picks the Unix rows.</summary>
    public const string Name = "cloexecshim";

    private static readonly Lazy<string> s_path = new(Build);
    private static readonly object s_gate = new();
    private static bool s_resolverSet;

    /// <summary>Builds the shim once and routes <see cref="Name"/> to it; throws with gcc's own words when that fails.</summary>
    public static void EnsureLoaded()
    {
        Requirement.Program("the syscall shim (Creators/Shim/cloexecshim.c), compiled at test time", "`apt-get install gcc libc6-dev`", "gcc");
        string path = s_path.Value;
        lock (s_gate)
        {
            if (!s_resolverSet)
            {
                NativeLibrary.SetDllImportResolver(typeof(SyscallShim).Assembly, (name, _, _) =>
                    name == Name ? NativeLibrary.Load(path) : IntPtr.Zero);
                s_resolverSet = true;
            }
        }
    }

    private static string SourcePath([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Shim", "cloexecshim.c");

    private static string Build()
    {
        string source = SourcePath();
        if (!File.Exists(source))
        {
            throw new InvalidOperationException($"the shim's source {source} is missing: the tests must run where they were built");
        }

        string folder = Path.Combine(Path.GetTempPath(), $"cloexec-shim-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        string library = Path.Combine(folder, "lib" + Name + ".so");
        var start = new ProcessStartInfo("gcc")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { "-shared", "-fPIC", "-O1", "-Wall", "-Wextra", "-Werror", "-fvisibility=hidden", "-o", library, source })
        {
            start.ArgumentList.Add(argument);
        }

        Process gcc;
        try
        {
            gcc = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"gcc could not be started ({e.Message}): the syscall shim tests compile Shim/cloexecshim.c at test time; install gcc and libc6-dev (.ci/run does)", e);
        }

        using (gcc)
        {
            string errors = gcc.StandardError.ReadToEnd();
            _ = gcc.StandardOutput.ReadToEnd();
            gcc.WaitForExit();
            if (gcc.ExitCode != 0)
            {
                throw new InvalidOperationException($"gcc failed ({gcc.ExitCode}) to build the syscall shim from {source}:\n{errors}");
            }
        }

        return library;
    }
}
