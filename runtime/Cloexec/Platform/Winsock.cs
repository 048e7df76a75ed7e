using System.Runtime.InteropServices;

namespace Cloexec.Platform;

/// <summary>The ws2_32 call the runtime makes: a socket is closed with closesocket, not CloseHandle.</summary>
internal static class Winsock
{
    [DllImport("ws2_32", EntryPoint = "closesocket", ExactSpelling = true)]
    internal static extern int CloseSocket(nint socket);
}
