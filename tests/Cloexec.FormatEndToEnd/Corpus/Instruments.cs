using System;
using System.Runtime.InteropServices;

// An instrument driver's Linux interop (the style of oscilloscope and DAQ drivers): CharSet.Unicode on the import while
// the path says LPStr (the parameter wins: UTF-8), ExactSpelling, CLR type names, one parameter a line.
namespace BindingStyles.Corpus.Instruments
{
    [Flags]
    internal enum DeviceOpenFlags : uint
    {
        O_RDONLY = 0,
        O_WRONLY = 1,
        O_RDWR = 2,
    }

    internal static class Interop
    {
        [DllImport("libc.so.6", CharSet = CharSet.Unicode, SetLastError = true, ExactSpelling = true)]
        public static extern Int32 open(
            [MarshalAs(UnmanagedType.LPStr)] string pathname,
            Int32 flags);

        [DllImport("libc.so.6", SetLastError = true)]
        public static extern Int32 close(Int32 fd);
    }
}
