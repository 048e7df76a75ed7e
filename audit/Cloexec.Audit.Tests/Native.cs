namespace Cloexec.Audit.Tests;

/// <summary>The wrapper the guard must stay silent about when it is asked for an inheritable pipe.</summary>
internal static unsafe partial class Native
{
    [CreatesDescriptor("libc", EntryPoint = "pipe", SetLastError = true)]
    internal static partial int Pipe(int* descriptors, bool? cloexec = null);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);

    internal static void CloseChecked(int fd)
    {
        if (Close(fd) != 0)
        {
            throw new System.InvalidOperationException($"close({fd}) failed");
        }
    }
}
