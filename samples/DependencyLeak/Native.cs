using Cloexec;

namespace DependencyLeak;

/// <summary>The cure for a package's pipe: the same libc call through the generator, pipe2 with O_CLOEXEC.</summary>
internal static unsafe partial class Native
{
    [CreatesDescriptor("libc", EntryPoint = "pipe", SetLastError = true)]
    internal static partial int Pipe(int* descriptors, bool? cloexec = null);
}
