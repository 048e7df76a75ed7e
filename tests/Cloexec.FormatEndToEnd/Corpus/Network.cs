using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security;

#pragma warning disable CS1591

// A game networking library's socket layer (the style of Molth/enet-csharp and SteamRE/SteamKit): an attribute on the
// class, a private library constant in capitals, an inlined public face over a private raw import marked
// SuppressGCTransition, epoll flags as a nested enum of another static class.
namespace BindingStyles.Corpus.Network
{
    [SuppressUnmanagedCodeSecurity]
    public static unsafe class UnixSock
    {
        private const string NATIVE_LIBRARY = "libc";

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Create(bool stream) => socket(1, stream ? 1 : 2, 0);

        [DllImport(NATIVE_LIBRARY, SetLastError = true)]
        [SuppressGCTransition]
        private static extern int socket(int af, int type, int protocol);
    }

    internal static class EPoll
    {
        [Flags]
        public enum epoll_flags
        {
            NONE = 0,
        }

        [DllImport("libc", SetLastError = true)]
        public static extern int epoll_create1(epoll_flags flags);
    }
}
