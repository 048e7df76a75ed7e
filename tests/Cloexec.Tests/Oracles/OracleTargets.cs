using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using Cloexec.Platform;

namespace Cloexec.Tests.Oracles;

/// <summary>One platform the runtime's table covers, and how each oracle names it.</summary>
internal sealed record OracleTarget(string Name, UnixKernel Kernel, Cpu Cpu, string GoOs, string GoArch, string RustTarget, string[] RustFiles)
{
    private readonly Lazy<GoSys> _go = new(() => new GoSys(GoOs, GoArch));
    private readonly Lazy<RustLibc> _rust = new(() => new RustLibc(RustTarget, RustFiles));

    public GoSys Go => _go.Value;

    public RustLibc Rust => _rust.Value;

    /// <summary>Whether this machine is this platform, so that its C headers through gcc are a third oracle.</summary>
    public bool IsThisMachine => OperatingSystem.IsLinux() && Kernel == UnixKernel.Linux
        && PlatformValues.CpuOf(RuntimeInformation.ProcessArchitecture) == Cpu;

    public override string ToString() => Name;
}

/// <summary>
/// Every platform .NET runs on that the table has a row for, named as Go (GOOS/GOARCH) and Rust's libc (its cfg
/// facts, and the modules its lib.rs and mod.rs files compile for that target, glibc's on Linux) name it.
/// </summary>
internal static class OracleTargets
{
    private const string Unix = "unix/mod.rs";

    public static readonly OracleTarget[] DotNet =
    [
        Linux("linux-x64", Cpu.X64, "amd64", "x86_64", 64, "generic", "gnu/b64/mod.rs", "gnu/b64/x86_64/mod.rs", "gnu/b64/x86_64/not_x32.rs"),
        Linux("linux-x86", Cpu.X86, "386", "x86", 32, "generic", "gnu/b32/mod.rs", "gnu/b32/x86/mod.rs"),
        Linux("linux-arm64", Cpu.Arm64, "arm64", "aarch64", 64, "generic", "gnu/b64/mod.rs", "gnu/b64/aarch64/mod.rs", "gnu/b64/aarch64/lp64.rs"),
        Linux("linux-arm", Cpu.Arm, "arm", "arm", 32, "generic", "gnu/b32/mod.rs", "gnu/b32/arm/mod.rs"),
        Linux("linux-s390x", Cpu.S390x, "s390x", "s390x", 64, "generic", "gnu/b64/mod.rs", "gnu/b64/s390x.rs"),
        Linux("linux-ppc64le", Cpu.Ppc64le, "ppc64le", "powerpc64", 64, "powerpc", "gnu/b64/mod.rs", "gnu/b64/powerpc64/mod.rs"),
        Linux("linux-loongarch64", Cpu.LoongArch64, "loong64", "loongarch64", 64, "generic", "gnu/b64/mod.rs", "gnu/b64/loongarch64/mod.rs"),
        Linux("linux-riscv64", Cpu.RiscV64, "riscv64", "riscv64", 64, "generic", "gnu/b64/mod.rs", "gnu/b64/riscv64/mod.rs"),
        Apple("osx-x64", Cpu.X64, "amd64", "x86_64"),
        Apple("osx-arm64", Cpu.Arm64, "arm64", "aarch64"),
        FreeBsd("freebsd-x64", Cpu.X64, "amd64", "x86_64", "x86_64/mod.rs"),
        FreeBsd("freebsd-arm64", Cpu.Arm64, "arm64", "aarch64", "aarch64.rs"),
    ];

    /// <summary>
    /// Every Linux architecture Go knows, those .NET does not run on included (mips, sparc, whose numbers differ
    /// most): what the row for an unknown architecture keeps must hold on each. Go only: Rust's libc is read for .NET's targets.
    /// </summary>
    public static IReadOnlyList<GoSys> EveryLinux => s_everyLinux.Value;

    private static readonly Lazy<GoSys[]> s_everyLinux = new(() =>
        new[] { "mips", "mipsle", "mips64", "mips64le", "ppc", "ppc64", "sparc64", "386", "amd64", "arm", "arm64", "loong64", "riscv64", "s390x", "ppc64le" }
            .Select(arch => new GoSys("linux", arch)).ToArray());

    public static IEnumerable<OracleTarget> Of(PlatformValues row) =>
        DotNet.Where(t => t.Kernel == row.Kernel && (row.Cpus & t.Cpu) != 0 && PlatformValues.For(t.Kernel, t.Cpu) == row);

    private static OracleTarget Linux(string name, Cpu cpu, string goArch, string rustArch, int bits, string ioctlArch, params string[] gnuFiles) =>
        new(name, UnixKernel.Linux, cpu, "linux", goArch,
            $"target_os=linux target_env=gnu target_arch={rustArch} target_pointer_width={bits} target_endian=little",
            [Unix, "unix/linux_like/mod.rs", "unix/linux_like/linux/mod.rs", $"unix/linux_like/linux/arch/{ioctlArch}/mod.rs",
             "unix/linux_like/linux/gnu/mod.rs", .. gnuFiles.Select(f => "unix/linux_like/linux/" + f)]);

    private static OracleTarget Apple(string name, Cpu cpu, string goArch, string rustArch) =>
        new(name, UnixKernel.MacOS, cpu, "darwin", goArch,
            $"target_os=macos target_vendor=apple target_arch={rustArch} target_pointer_width=64 target_endian=little",
            [Unix, "unix/bsd/mod.rs", "unix/bsd/apple/mod.rs", "unix/bsd/apple/b64/mod.rs", $"unix/bsd/apple/b64/{rustArch}/mod.rs"]);

    private static OracleTarget FreeBsd(string name, Cpu cpu, string goArch, string rustArch, string archFile) =>
        new(name, UnixKernel.FreeBsd, cpu, "freebsd", goArch,
            $"target_os=freebsd target_arch={rustArch} target_pointer_width=64 target_endian=little freebsd13",
            [Unix, "unix/bsd/mod.rs", "unix/bsd/freebsdlike/mod.rs", "unix/bsd/freebsdlike/freebsd/mod.rs",
             "unix/bsd/freebsdlike/freebsd/" + archFile, "unix/bsd/freebsdlike/freebsd/freebsd13/mod.rs"]);
}
