using System.Runtime.InteropServices;

// A game server's poll group (the style of modernuo/PollGroup): one sealed partial class per architecture, each
// implementing an interface of static abstract members, [LibraryImport] with an enum of flags, a private constructor.
namespace BindingStyles.Corpus.PollGroup
{
    public enum epoll_flags
    {
        NONE = 0,
    }

    internal interface IArch
    {
        static abstract int epoll_create1(epoll_flags flags);
    }

    internal sealed partial class Linux_x64 : IArch
    {
        [LibraryImport("libc", SetLastError = true)]
        public static partial int epoll_create1(epoll_flags flags);

        private Linux_x64()
        {
        }
    }

    internal static class Poller
    {
        /// <summary>Creates through whichever architecture the caller picked: calls go through the interface.</summary>
        public static int Create<TArch>()
            where TArch : IArch => TArch.epoll_create1(epoll_flags.NONE);
    }
}
