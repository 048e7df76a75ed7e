using System.Runtime.InteropServices;

// A high-resolution timer package (the style of Haukcode.HighResolutionTimer): a pragma before the class inside the
// namespace, a private library constant, the clock as a nested enum with an explicit underlying type.
namespace BindingStyles.Corpus.HighResolution
{
// Native names here.
#pragma warning disable IDE1006

    internal partial class Interop
    {
        private const string LibcLibrary = "libc";

        public enum ClockIds : int
        {
            CLOCK_REALTIME = 0,
            CLOCK_MONOTONIC = 1,
        }

        [DllImport(LibcLibrary, SetLastError = true)]
        internal static extern int timerfd_create(ClockIds clockId, int flags);
    }
}
