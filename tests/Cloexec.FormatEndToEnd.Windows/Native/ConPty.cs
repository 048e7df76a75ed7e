using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

// Style: the ConPTY samples (Windows Terminal's MiniTerm and GUIConsole) and the terminals built on them: the pseudo
// console's pipes from CreatePipe under CharSet.Auto with the attributes an IntPtr (IntPtr.Zero: not inheritable),
// the ends as out SafeFileHandles and a bool result. CreatePseudoConsole itself is not in the table: left as it is.
namespace WindowsBindings.Native.Terminal;

internal static class PseudoConsoleApi
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct COORD
    {
        public short X;
        public short Y;
    }

    [DllImport("kernel32.dll", SetLastError = true)]
    internal static extern int CreatePseudoConsole(COORD size, SafeFileHandle hInput, SafeFileHandle hOutput, uint dwFlags, out IntPtr phPC);

    [DllImport("kernel32.dll", SetLastError = true)]
    internal static extern int ClosePseudoConsole(IntPtr hPC);

    [DllImport("kernel32.dll", CharSet = CharSet.Auto, SetLastError = true)]
    internal static extern bool CreatePipe(out SafeFileHandle hReadPipe, out SafeFileHandle hWritePipe, IntPtr lpPipeAttributes, int nSize);
}
