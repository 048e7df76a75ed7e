using System;
using System.Runtime.InteropServices;

// Answers on question-and-answer sites (collected in repositories such as shendongnian/code): a SafeHandle subclass
// as the result, EntryPoint for a PascalCase name, uint flags, and the import kept as a delegate elsewhere.
namespace BindingStyles.Corpus.Snippets
{
    internal sealed class SafeUnixHandle : SafeHandle
    {
        public SafeUnixHandle()
            : base(new IntPtr(-1), true)
        {
        }

        public override bool IsInvalid => handle == new IntPtr(-1);

        protected override bool ReleaseHandle() => UnsafeNativeMethods.Close(handle) == 0;
    }

    internal static class UnsafeNativeMethods
    {
        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        internal static extern int Close(IntPtr handle);

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        internal static extern SafeUnixHandle Open(string path, uint flag, int mode);

#if DEBUG || !DEBUG
        /// <summary>Duplicates <paramref name="fd"/>; kept as a delegate by the code below, so its signature is bound.</summary>
        [DllImport("libc", EntryPoint = "dup", SetLastError = true)]
        internal static extern int Dup(int fd);
#endif

        internal static readonly Func<int, int> DupOf = Dup;
    }
}
