namespace Cloexec.Benchmarks.Native;

/// <summary>The Linux values a hand-written declaration passes itself (x64, from /usr/include).</summary>
internal static class Linux
{
    public const int ORdOnly = 0;
    public const int OCloexec = 0x80000;
    public const int AfUnix = 1;
    public const int SockStream = 1;
    public const int SockCloexec = 0x80000;
    public const int EfdCloexec = 0x80000;
    public const int FGetFd = 1;
    public const int FDupFdCloexec = 1030;
    public const int FdCloexec = 1;
}
