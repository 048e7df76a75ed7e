using System.Runtime.InteropServices;

// A tablet driver's timers (the style of OpenTabletDriver/OpenTabletDriver): a private library constant named like the
// library, PascalCase names with EntryPoint, enums for the clock and the flags.
namespace BindingStyles.Corpus.Timers
{
    public enum ClockID
    {
        Realtime = 0,
        Monotonic = 1,
    }

    public enum TimerFlag
    {
        None = 0,
        NonBlocking = 0x800,
    }

    public static class Timers
    {
        private const string libc = "libc.so.6";

        [DllImport(libc, EntryPoint = "timerfd_create", SetLastError = true)]
        public static extern int TimerCreate(ClockID clockID, TimerFlag flags);
    }
}
