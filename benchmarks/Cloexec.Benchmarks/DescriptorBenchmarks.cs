using System;
using System.IO;
using System.IO.Pipes;
using System.Net.Sockets;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Cloexec.Benchmarks.Native;
using Microsoft.Win32.SafeHandles;

namespace Cloexec.Benchmarks;

/// <summary>The family each benchmark belongs to; ratios are computed within one family.</summary>
internal static class Family
{
    public const string Open = "open";
    public const string Socket = "socket";
    public const string Pipe2 = "pipe2";
    public const string Dup = "dup";
    public const string EventFd = "eventfd";
}

/// <summary>
/// Per family: (a) the generated wrapper, (b) the baseline, a hand-written [LibraryImport] passing the flag itself,
/// (c) the same without the flag, (e) the BCL's equivalent where there is one; and in the forced-fallback jobs
/// (d) the generated wrapper again, beside (b). Each invocation creates the descriptors and closes them.
/// </summary>
/// <remarks>
/// The baseline also runs with the fallback forced so that that process has its own yardstick: the fallback's
/// cost can then be read both directly against the atomic process and normalized by each process's baseline.
/// </remarks>
[Config(typeof(DescriptorConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByJob)]
[CategoriesColumn]
public class DescriptorBenchmarks
{
    internal const string GeneratedName = "generated";
    internal const string LibraryImportFlagName = "LibraryImport + flag";
    internal const string LibraryImportNoFlagName = "LibraryImport, no flag";
    internal const string BclName = "BCL";

    private const string DevNull = "/dev/null";

    /// <summary>The descriptor the dup family duplicates.</summary>
    private int Anchor { get; set; } = -1;

    [GlobalSetup]
    public void Setup()
    {
        CheckEnvironment();
        Anchor = HandWritten.Open(DevNull, Linux.ORdOnly | Linux.OCloexec, 0);
        Check(Anchor);

        // Every generated wrapper must give a close-on-exec descriptor; this also makes each atomic way's first,
        // learning call here rather than in a measured iteration.
        Span<int> fds = stackalloc int[2];
        RequireCloexec(Generated.Open(DevNull, Linux.ORdOnly));
        RequireCloexec(Generated.Socket(Linux.AfUnix, Linux.SockStream, 0));
        Check(Generated.Pipe2(fds, 0));
        RequireCloexec(fds[0]);
        RequireCloexec(fds[1]);
        RequireCloexec(Generated.Dup(Anchor));
        RequireCloexec(Generated.EventFd(0, 0));
    }

    [GlobalCleanup]
    public void Cleanup() => _ = HandWritten.Close(Anchor);

    // ---- open("/dev/null", O_RDONLY)

    [Benchmark(Description = GeneratedName), BenchmarkCategory(Family.Open)]
    public int OpenGenerated() => Closed(Generated.Open(DevNull, Linux.ORdOnly));

    [Benchmark(Description = LibraryImportFlagName, Baseline = true), BenchmarkCategory(Family.Open)]
    public int OpenLibraryImportFlag() => Closed(HandWritten.Open(DevNull, Linux.ORdOnly | Linux.OCloexec, 0));

    // ---- socket(AF_UNIX, SOCK_STREAM, 0)

    [Benchmark(Description = GeneratedName), BenchmarkCategory(Family.Socket)]
    public int SocketGenerated() => Closed(Generated.Socket(Linux.AfUnix, Linux.SockStream, 0));

    [Benchmark(Description = LibraryImportFlagName, Baseline = true), BenchmarkCategory(Family.Socket)]
    public int SocketLibraryImportFlag() => Closed(HandWritten.Socket(Linux.AfUnix, Linux.SockStream | Linux.SockCloexec, 0));

    // ---- pipe2(fds, 0): two descriptors created, two closed

    [Benchmark(Description = GeneratedName), BenchmarkCategory(Family.Pipe2)]
    public int Pipe2Generated()
    {
        Span<int> fds = stackalloc int[2];
        return ClosedPair(Generated.Pipe2(fds, 0), fds);
    }

    [Benchmark(Description = LibraryImportFlagName, Baseline = true), BenchmarkCategory(Family.Pipe2)]
    public int Pipe2LibraryImportFlag()
    {
        Span<int> fds = stackalloc int[2];
        return ClosedPair(HandWritten.Pipe2(fds, Linux.OCloexec), fds);
    }

    // ---- dup(fd): the generated wrapper and the baseline both call fcntl(fd, F_DUPFD_CLOEXEC, 0)

    [Benchmark(Description = GeneratedName), BenchmarkCategory(Family.Dup)]
    public int DupGenerated() => Closed(Generated.Dup(Anchor));

    [Benchmark(Description = LibraryImportFlagName, Baseline = true), BenchmarkCategory(Family.Dup)]
    public int DupLibraryImportFlag() => Closed(HandWritten.Fcntl(Anchor, Linux.FDupFdCloexec, 0));

    // ---- eventfd(0, 0)

    [Benchmark(Description = GeneratedName), BenchmarkCategory(Family.EventFd)]
    public int EventFdGenerated() => Closed(Generated.EventFd(0, 0));

    [Benchmark(Description = LibraryImportFlagName, Baseline = true), BenchmarkCategory(Family.EventFd)]
    public int EventFdLibraryImportFlag() => Closed(HandWritten.EventFd(0, Linux.EfdCloexec));

    private static int Closed(int fd)
    {
        Check(fd);
        return HandWritten.Close(fd);
    }

    private static int ClosedPair(int result, Span<int> fds)
    {
        Check(result);
        return HandWritten.Close(fds[0]) + HandWritten.Close(fds[1]);
    }

    private static void Check(int result)
    {
        if (result < 0)
        {
            Fail();
        }
    }

    private static void Fail() =>
        throw new InvalidOperationException($"the call failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");

    private static void RequireCloexec(int fd)
    {
        Check(fd);
        int flags = HandWritten.Fcntl(fd, Linux.FGetFd, 0);
        _ = HandWritten.Close(fd);
        if (flags == -1 || (flags & Linux.FdCloexec) == 0)
        {
            throw new InvalidOperationException($"a generated wrapper gave a descriptor without FD_CLOEXEC (F_GETFD = {flags})");
        }
    }

    /// <summary>Fails the run when the job's environment did not reach the runtime: the fallback would be mislabelled.</summary>
    private static void CheckEnvironment()
    {
        string? variable = Environment.GetEnvironmentVariable("CLOEXEC_FORCE_FALLBACK");

        // The runtime's own reading of it (internal; skipped if the name ever changes).
        PropertyInfo? forced = typeof(CloexecDefault).Assembly.GetType("Cloexec.CloexecSwitches")
            ?.GetProperty("ForceFallback", BindingFlags.NonPublic | BindingFlags.Static);
        bool expected = variable == "1";
        bool runtime = forced?.GetValue(null) is bool value ? value : expected;

        if (variable is not ("0" or "1") || runtime != expected || !CloexecDefault.Current)
        {
            throw new InvalidOperationException(
                $"Run under the benchmark's jobs: CLOEXEC_FORCE_FALLBACK is '{variable}', the runtime's forced fallback {runtime}, " +
                $"the ambient default {CloexecDefault.Current}.");
        }
    }

    // ---- (c) without the flag and (e) the BCL, on the atomic jobs only (see DescriptorConfig)

    [Benchmark(Description = LibraryImportNoFlagName), BenchmarkCategory(Family.Open)]
    public int OpenLibraryImportNoFlag() => Closed(HandWritten.Open(DevNull, Linux.ORdOnly, 0));

    [Benchmark(Description = BclName), BenchmarkCategory(Family.Open)]
    public bool OpenBcl()
    {
        using SafeFileHandle handle = File.OpenHandle(DevNull);
        return handle.IsInvalid;
    }

    [Benchmark(Description = LibraryImportNoFlagName), BenchmarkCategory(Family.Socket)]
    public int SocketLibraryImportNoFlag() => Closed(HandWritten.Socket(Linux.AfUnix, Linux.SockStream, 0));

    [Benchmark(Description = BclName), BenchmarkCategory(Family.Socket)]
    public bool SocketBcl()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        return socket.Connected;
    }

    [Benchmark(Description = LibraryImportNoFlagName), BenchmarkCategory(Family.Pipe2)]
    public int Pipe2LibraryImportNoFlag()
    {
        Span<int> fds = stackalloc int[2];
        return ClosedPair(HandWritten.Pipe2(fds, 0), fds);
    }

    [Benchmark(Description = BclName), BenchmarkCategory(Family.Pipe2)]
    public bool Pipe2Bcl()
    {
        using var pipe = new AnonymousPipeServerStream();
        return pipe.IsConnected;
    }

    [Benchmark(Description = LibraryImportNoFlagName), BenchmarkCategory(Family.Dup)]
    public int DupLibraryImportNoFlag() => Closed(HandWritten.Dup(Anchor));

    [Benchmark(Description = LibraryImportNoFlagName), BenchmarkCategory(Family.EventFd)]
    public int EventFdLibraryImportNoFlag() => Closed(HandWritten.EventFd(0, 0));
}
