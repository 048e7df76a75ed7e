using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace WindowsBindings.Native;

/// <summary>A second socket binding, as networking libraries write theirs: CharSet.Auto, the BCL's SafeSocketHandle.</summary>
internal static partial class SocketNative
{
    // Under CharSet.Auto (Unicode on Windows), without ExactSpelling, this binds WSASocketW too.
    [DllImport("ws2_32.dll", CharSet = CharSet.Auto, SetLastError = true)]
    internal static extern SafeSocketHandle WSASocket(int af, int type, int protocol, IntPtr lpProtocolInfo, int g, int dwFlags);

    [LibraryImport("ws2_32.dll", EntryPoint = "accept", SetLastError = true)]
    internal static partial SafeSocketHandle Accept(SafeSocketHandle listener, IntPtr address, IntPtr addressLength);
}

/// <summary>The CRT under CharSet.Auto, whose wide functions bindings name themselves.</summary>
internal static class AutoCrt
{
    [DllImport("ucrtbase.dll", CharSet = CharSet.Auto, ExactSpelling = true)]
    internal static extern int _wopen(string path, int flags, int mode);
}
