namespace Cloexec.Interop;

// A family's placement is in its row of FlagFamilyTable; the generator's entry point table gives each call its own.

/// <summary>How a call is told to make its new descriptors close-on-exec: each placement has its own planner.</summary>
internal enum FlagPlacement
{
    /// <summary>The call has no way: the wrapper sets the flag right after creation.</summary>
    AfterCreation,
    /// <summary>A bit or-ed into an int, uint or enum argument.</summary>
    Bits,
    /// <summary>
    /// A bit or-ed into a C <c>unsigned long</c> argument (perf_event_open's flags): nint, nuint, long and ulong fit
    /// as well as the 32-bit types, so that a declaration can give the argument its real width.
    /// </summary>
    WideBits,
    /// <summary>A field of a struct the call reads through a pointer (SECURITY_ATTRIBUTES): the wrapper passes its own copy.</summary>
    StructCopy,
    /// <summary>A BOOL argument that is TRUE for an inheritable handle.</summary>
    InheritBool,
    /// <summary>
    /// A SECURITY_ATTRIBUTES pointer inside a struct the call reads through a pointer (CreateFile2's
    /// CREATEFILE2_EXTENDED_PARAMETERS): the wrapper passes its own copy of the outer struct, pointing to its own copy
    /// of the inner one.
    /// </summary>
    NestedStructCopy,
    /// <summary>A legacy call without a flag: its atomic sibling is called instead.</summary>
    Sibling,
    /// <summary>
    /// The call always makes its descriptors close-on-exec: nothing is added, and <c>cloexec: false</c> clears the
    /// flag after creation.
    /// </summary>
    AlwaysCloexec,
    /// <summary>A letter in a stdio mode string (<c>e</c>): the wrapper passes its own copy of the mode.</summary>
    ModeString,
}
