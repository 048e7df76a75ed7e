using System.Runtime.InteropServices;

// A game framework's joystick code (the style of XNA reimplementations): a class with no modifiers but static, plain
// "libc", a string path under the default CharSet, no SetLastError.
namespace BindingStyles.Corpus.Game
{
    static class Libc
    {
        [DllImport("libc")]
        public static extern int open(string pathname, int flags);

        [DllImport("libc")]
        public static extern int close(int fd);
    }
}
