namespace BindingStyles.Native
{
    /// <summary>Library names as constants of their own class, brought in with <c>using static</c> where they are used.</summary>
    internal static class LibraryNames
    {
        public const string libc = "libc.so.6";
    }

    /// <summary>The other common spelling: a qualified constant, <c>Libraries.Libc</c>.</summary>
    internal static class Libraries
    {
        public const string Libc = "libc";
    }
}
