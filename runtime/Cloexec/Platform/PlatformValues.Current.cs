using System;
using System.Runtime.InteropServices;

namespace Cloexec.Platform;

// Apart from the table itself so that the table, which has no OS call in it, also compiles into the analyzer.
internal sealed partial record PlatformValues
{
    /// <summary>This process's row, or <see langword="null"/> where descriptors are not Unix ones.</summary>
    internal static PlatformValues? Current => ThisProcess.Row;

    /// <summary>Where variadic arguments go on the stack, not where a plain P/Invoke puts fixed ones.</summary>
    internal static bool IsAppleArm64 =>
        (OperatingSystem.IsMacOS() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsMacCatalyst())
        && RuntimeInformation.ProcessArchitecture == Architecture.Arm64;

    private static UnixKernel? CurrentKernel =>
        OperatingSystem.IsLinux() || OperatingSystem.IsAndroid() ? UnixKernel.Linux
        : OperatingSystem.IsMacOS() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsMacCatalyst() ? UnixKernel.MacOS
        : OperatingSystem.IsFreeBSD() ? UnixKernel.FreeBsd
        : null;

    /// <summary>The table's name for <paramref name="architecture"/>; <see cref="Cpu.Other"/> for one it does not name.</summary>
    internal static Cpu CpuOf(Architecture architecture) => architecture switch
    {
        Architecture.X64 => Cpu.X64,
        Architecture.X86 => Cpu.X86,
        Architecture.Arm64 => Cpu.Arm64,
        Architecture.Arm or Architecture.Armv6 => Cpu.Arm,
        Architecture.S390x => Cpu.S390x,
        Architecture.Ppc64le => Cpu.Ppc64le,
        Architecture.LoongArch64 => Cpu.LoongArch64,
        RiscV64 => Cpu.RiscV64,
        _ => Cpu.Other,
    };

#if NET9_0_OR_GREATER
    private const Architecture RiscV64 = Architecture.RiscV64;
#else
    // Architecture.RiscV64 is new in .NET 9; a .NET 8 runtime on riscv64 reports this value (the same enum numbering).
    private const Architecture RiscV64 = (Architecture)9;
#endif

    // Its own type: initialized after the rows, which another file of this partial record declares (the order of
    // static initializers across partial files is the order the compiler reads the files in).
    private static class ThisProcess
    {
        internal static readonly PlatformValues? Row = CurrentKernel is UnixKernel kernel ? For(kernel, CpuOf(RuntimeInformation.ProcessArchitecture)) : null;
    }
}
