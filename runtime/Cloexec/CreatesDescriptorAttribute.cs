using System;
using System.Runtime.InteropServices;

namespace Cloexec;

/// <summary>
/// Marks a <c>static partial</c> method whose generated body calls a native function that creates
/// descriptors, and makes every descriptor it creates close-on-exec unless the caller says otherwise.
/// </summary>
/// <remarks>
/// A parameter named <c>cloexec</c> of type <see cref="bool"/> or <see cref="Nullable{Boolean}"/> is never
/// passed to native code: <see langword="true"/> makes the new descriptors close-on-exec, <see langword="false"/>
/// makes them inheritable, <see langword="null"/> (or no such parameter) takes <see cref="CloexecDefault.Current"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CreatesDescriptorAttribute : Attribute
{
    /// <summary>Declares the native function in <paramref name="libraryName"/>, as <see cref="LibraryImportAttribute"/> does.</summary>
    public CreatesDescriptorAttribute(string libraryName) => LibraryName = libraryName;

    /// <summary>Declares a wrapper over a raw import of the same type named by <see cref="Wraps"/>.</summary>
    public CreatesDescriptorAttribute() { }

    /// <summary>The native library, as in <see cref="LibraryImportAttribute.LibraryName"/>.</summary>
    public string? LibraryName { get; }

    /// <summary>The native function's name; the method's name when not set.</summary>
    public string? EntryPoint { get; set; }

    /// <summary>As in <see cref="LibraryImportAttribute.SetLastError"/>: the creating call's errno becomes the last P/Invoke error.</summary>
    public bool SetLastError { get; set; }

    /// <summary>How <see cref="string"/> parameters are marshalled, as in <see cref="LibraryImportAttribute.StringMarshalling"/>.</summary>
    public StringMarshalling StringMarshalling { get; set; }

    /// <summary>The marshaller for <see cref="StringMarshalling.Custom"/>.</summary>
    public Type? StringMarshallingCustomType { get; set; }

    /// <summary>
    /// As in <see cref="DllImportAttribute.CharSet"/>, for declarations converted from <c>[DllImport]</c>: how strings and
    /// <see cref="System.Text.StringBuilder"/> buffers without <see cref="MarshalAsAttribute"/> cross (Ansi: the ANSI code
    /// page on Windows, UTF-8 elsewhere; Unicode: UTF-16; Auto: UTF-16 on Windows, UTF-8 elsewhere), and a <see cref="bool"/>
    /// without it crosses as a 4-byte BOOL. Not set together with <see cref="StringMarshalling"/>.
    /// </summary>
    public CharSet CharSet { get; set; }

    /// <summary>
    /// The name of a raw <see cref="LibraryImportAttribute"/> or <see cref="DllImportAttribute"/> method of the same
    /// type, with this method's parameters less <c>cloexec</c>, that the wrapper calls instead of declaring its own import.
    /// </summary>
    public string? Wraps { get; set; }

    /// <summary>For a native function the generator does not know: the parameter that takes the close-on-exec flag.</summary>
    public string? FlagsParameter { get; set; }

    /// <summary>
    /// For a native function the generator does not know: which flag <see cref="FlagsParameter"/> takes, or
    /// <see cref="CloexecFlag.None"/> to set the flag after creation.
    /// </summary>
    public CloexecFlag Flag { get; set; }

    /// <summary>
    /// For a native function the generator does not know: where its new descriptors come back. Without it the
    /// generator takes the return value, and reports CLOEXEC0019 where an argument could hold them instead.
    /// </summary>
    public DescriptorLocation Descriptors { get; set; }

    /// <summary>The parameter that holds the new descriptors, for <see cref="Descriptors"/> other than the return value.</summary>
    public string? DescriptorsParameter { get; set; }
}

/// <summary>Where a native function hands back the descriptors it creates.</summary>
public enum DescriptorLocation
{
    /// <summary>Not stated: the return value, where no argument could hold them instead.</summary>
    Unspecified,

    /// <summary>The return value is the descriptor, -1 on failure.</summary>
    ReturnValue,

    /// <summary>The return value is 0 or -1, and an <c>int[2]</c> argument holds two descriptors (as pipe's).</summary>
    Pair,

    /// <summary>The return value is 0 or -1, and two consecutive <c>int*</c> arguments each receive one (as openpty's).</summary>
    TwoOutArguments,

    /// <summary>The return value is a <c>FILE*</c>, null on failure: its descriptor is <c>fileno</c>'s.</summary>
    Stream,

    /// <summary>The descriptors arrive as <c>SCM_RIGHTS</c> in a <c>struct msghdr</c> argument (as recvmsg's).</summary>
    MessageHeader,

    /// <summary>The descriptors arrive as <c>SCM_RIGHTS</c> in a <c>struct mmsghdr</c> array; the return value counts the messages.</summary>
    MessageHeaders,
}
