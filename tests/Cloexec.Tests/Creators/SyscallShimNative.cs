using System.Runtime.InteropServices;

namespace Cloexec.Tests.Creators;

/// <summary>
/// The creators glibc 2.36 does not export, declared as a user of a library exporting them would, against the test
/// shim (<see cref="SyscallShim"/>); and the same functions imported raw, to ask the kernel what it does unwrapped.
/// </summary>
internal static unsafe partial class SyscallShimNative
{
    private const string Shim = SyscallShim.Name;

    // The C type of flags is unsigned long, but the generator takes only int or uint flags (CLOEXEC0005): declared uint,
    // as the golden case does. The upper half of the 64-bit register is then left to the caller (the ABIs do not define it).
    [CreatesDescriptor(Shim, EntryPoint = "perf_event_open", SetLastError = true)]
    internal static partial int PerfEventOpen(void* attributes, int pid, int cpu, int groupFd, nuint flags, bool? cloexec = null);

    [CreatesDescriptor(Shim, EntryPoint = "userfaultfd", SetLastError = true)]
    internal static partial int Userfaultfd(int flags, bool? cloexec = null);

    [CreatesDescriptor(Shim, EntryPoint = "memfd_secret", SetLastError = true)]
    internal static partial int MemfdSecret(uint flags, bool? cloexec = null);

    [CreatesDescriptor(Shim, EntryPoint = "io_uring_setup", SetLastError = true)]
    internal static partial int IoUringSetup(uint entries, void* parameters, bool? cloexec = null);

    [CreatesDescriptor(Shim, EntryPoint = "landlock_create_ruleset", SetLastError = true)]
    internal static partial int LandlockCreateRuleset(void* attributes, nuint size, uint flags, bool? cloexec = null);

    [CreatesDescriptor(Shim, EntryPoint = "bpf", SetLastError = true)]
    internal static partial int Bpf(int command, void* attributes, uint size, bool? cloexec = null);

    [CreatesDescriptor(Shim, EntryPoint = "openat2", SetLastError = true)]
    internal static partial int OpenAt2(int dirfd, byte* path, void* how, nuint size, bool? cloexec = null);

    // Raw: what the kernel does with the caller's own arguments, the reference each wrapper's result is judged by.
#pragma warning disable CLOEXEC0200 // on purpose: the unwrapped call is the test's independent reference
    [DllImport(Shim, EntryPoint = "perf_event_open", SetLastError = true)]
    internal static extern int RawPerfEventOpen(void* attributes, int pid, int cpu, int groupFd, nuint flags);

    [DllImport(Shim, EntryPoint = "userfaultfd", SetLastError = true)]
    internal static extern int RawUserfaultfd(int flags);

    [DllImport(Shim, EntryPoint = "memfd_secret", SetLastError = true)]
    internal static extern int RawMemfdSecret(uint flags);

    [DllImport(Shim, EntryPoint = "io_uring_setup", SetLastError = true)]
    internal static extern int RawIoUringSetup(uint entries, void* parameters);

    [DllImport(Shim, EntryPoint = "landlock_create_ruleset", SetLastError = true)]
    internal static extern int RawLandlockCreateRuleset(void* attributes, nuint size, uint flags);

    [DllImport(Shim, EntryPoint = "bpf", SetLastError = true)]
    internal static extern int RawBpf(int command, void* attributes, uint size);

    [DllImport(Shim, EntryPoint = "openat2", SetLastError = true)]
    internal static extern int RawOpenAt2(int dirfd, byte* path, void* how, nuint size);
#pragma warning restore CLOEXEC0200
}
