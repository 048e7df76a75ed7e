using System;
using System.Runtime.InteropServices;
using System.Text;

// Temporary files and custom marshalling (the style of credential helpers and older desktop code): mkstemp over a
// StringBuilder template, a class with no modifiers on its import, and a path through an ICustomMarshaler.
namespace BindingStyles.Corpus.Temporary
{
    internal sealed class TempFiles
    {
        [DllImport("libc", SetLastError = true)]
        static extern int mkstemp(StringBuilder template);

        public static int Create(StringBuilder template) => mkstemp(template);
    }

    /// <summary>UTF-8 by hand, as bindings written before LPUTF8Str did.</summary>
    public sealed class Utf8Marshaler : ICustomMarshaler
    {
        private static readonly Utf8Marshaler s_instance = new();

        public static ICustomMarshaler GetInstance(string cookie) => s_instance;

        public IntPtr MarshalManagedToNative(object ManagedObj) => Marshal.StringToCoTaskMemUTF8((string)ManagedObj);

        public object MarshalNativeToManaged(IntPtr pNativeData) => Marshal.PtrToStringUTF8(pNativeData) ?? string.Empty;

        public void CleanUpNativeData(IntPtr pNativeData) => Marshal.FreeCoTaskMem(pNativeData);

        public void CleanUpManagedData(object ManagedObj)
        {
        }

        public int GetNativeDataSize() => -1;
    }

    internal static class Credentials
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        internal static extern int OpenStore(
            [MarshalAs(UnmanagedType.CustomMarshaler, MarshalTypeRef = typeof(Utf8Marshaler))] string path,
            int flags,
            int mode);
    }
}
