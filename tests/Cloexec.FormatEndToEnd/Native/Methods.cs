using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BindingStyles.Native
{
    /// <summary>
    /// The style of bindings generated from C headers: one Methods class, Cdecl and ExactSpelling spelled out, char* as
    /// sbyte*, and each C type kept in an attribute on the parameter and on the return value.
    /// </summary>
    public static unsafe partial class Methods
    {
        [DllImport("libc", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [return: NativeTypeName("int")]
        public static extern int open([NativeTypeName("const char *")] sbyte* file, int oflag);

        [DllImport("libc", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [return: NativeTypeName("int")]
        public static extern int eventfd([NativeTypeName("unsigned int")] uint count, int flags);
    }

    /// <summary>The C type a declaration stood for; for readers only, compiled away outside DEBUG.</summary>
    [Conditional("DEBUG")]
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
    internal sealed class NativeTypeNameAttribute : Attribute
    {
        public NativeTypeNameAttribute(string name) => Name = name;

        public string Name { get; }
    }
}
