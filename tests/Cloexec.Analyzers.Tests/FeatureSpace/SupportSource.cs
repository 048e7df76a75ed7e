namespace Cloexec.Analyzers.Tests.FeatureSpace;

/// <summary>What every generated declaration's Run method uses: paths, checks, and the types signatures name.</summary>
internal static class SupportSource
{
    public const string Text = """
        global using System.Runtime.InteropServices;
        global using System.Runtime.InteropServices.Marshalling;
        using System;
        using System.IO;
        using System.Text;
        using System.Threading;

        // A Linux binding, as README's variadic section asks (open's mode would otherwise be CLOEXEC0100 for Apple arm64).
        [assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

        internal static class Libraries
        {
            internal const string C = "libc";
        }

        internal class BaseOf
        {
        }

        public struct FdPair
        {
            public int Read;
            public int Write;
        }

        public enum OpenFlags { None = 0 }
        public enum OpenFlagsU : uint { None = 0 }
        public enum SocketTypes { Stream = 1 }
        public enum AddressFamily8 : byte { Unix = 1 }
        public enum AddressFamilyS8 : sbyte { Unix = 1 }
        public enum AddressFamily16 : short { Unix = 1 }
        public enum AddressFamilyU16 : ushort { Unix = 1 }
        public enum AddressFamily64 : long { Unix = 1 }
        public enum AddressFamilyU64 : ulong { Unix = 1 }

        /// <summary>A [DllImport] custom marshaler: UTF-8, as a hand-written binding would.</summary>
        public sealed class Utf8PathMarshaler : ICustomMarshaler
        {
            public static ICustomMarshaler GetInstance(string cookie) => new Utf8PathMarshaler();

            public IntPtr MarshalManagedToNative(object managed) => Marshal.StringToCoTaskMemUTF8((string)managed);

            public object MarshalNativeToManaged(IntPtr native) => Marshal.PtrToStringUTF8(native)!;

            public void CleanUpNativeData(IntPtr native) => Marshal.FreeCoTaskMem(native);

            public void CleanUpManagedData(object managed)
            {
            }

            public int GetNativeDataSize() => -1;
        }

        /// <summary>A [LibraryImport] stateless string marshaller: UTF-8.</summary>
        [CustomMarshaller(typeof(string), MarshalMode.Default, typeof(Utf8PathMarshaller))]
        public static unsafe class Utf8PathMarshaller
        {
            public static byte* ConvertToUnmanaged(string managed) => (byte*)Marshal.StringToCoTaskMemUTF8(managed);

            public static void Free(byte* unmanaged) => Marshal.FreeCoTaskMem((IntPtr)unmanaged);
        }

        public static class Support
        {
            public static string Directory = "";
            private static int s_next;

            /// <summary>A new path whose name is not ASCII: it must arrive at the kernel unchanged.</summary>
            public static string NextPath() => Path.Combine(Directory, "é-ü-日本-ß-" + Interlocked.Increment(ref s_next));

            public static int Check(int result) =>
                result >= 0 ? result : throw new InvalidOperationException("the call failed: errno " + Marshal.GetLastSystemError());

            /// <summary>The descriptor, after checking that the file exists under exactly the name the program gave.</summary>
            public static int Opened(string path, int fd)
            {
                Check(fd);
                return File.Exists(path) ? fd : throw new InvalidOperationException("no file named " + path + ": the path changed on its way");
            }

            public static int Release(SafeHandle handle)
            {
                int fd = (int)handle.DangerousGetHandle();
                handle.SetHandleAsInvalid();
                return fd;
            }

            public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text + "\0");

            public static string FromUtf8(byte[] text) => Encoding.UTF8.GetString(text, 0, Array.IndexOf(text, (byte)0));

            public static Microsoft.Win32.SafeHandles.SafeFileHandle Scratch() =>
                File.OpenHandle(NextPath(), FileMode.CreateNew, FileAccess.ReadWrite);
        }
        """;
}
