namespace Cloexec.Generators.Model;

/// <summary>
/// What the symbol read gives for one declaration, compared by value: the model so far (its call not yet planned),
/// the diagnostics of reading, and what the planner needs to know of the declaration.
/// </summary>
/// <param name="Model">The model with <see cref="WrapperModel.Plan"/> not yet made; <see langword="null"/> when the method gets no source.</param>
/// <param name="HasErrors">Whether reading already knows the method gets only a stub.</param>
/// <param name="UnsafeCodeRequired">What to report if the project does not allow unsafe code; <see langword="null"/> without a model.</param>
/// <param name="Request">What the planner plans from; <see langword="null"/> when the method is only a stub.</param>
internal sealed record ReadResult(
    WrapperModel? Model,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool HasErrors,
    DiagnosticInfo? UnsafeCodeRequired,
    CallRequest? Request);

/// <summary>Where <c>Descriptors = DescriptorLocation.X</c> says the new descriptors come back.</summary>
internal enum DescriptorsSetting
{
    /// <summary>Not written, or <c>Unspecified</c>.</summary>
    Unspecified,
    ReturnValue,
    Pair,
    TwoOutArguments,
    Stream,
    MessageHeader,
    MessageHeaders,
}

/// <summary>A declaration as the planner sees it: the attribute's choices and the facts of its parameters and result.</summary>
/// <param name="MethodName">The method's name as written, for messages.</param>
/// <param name="Target">The function called, <see langword="null"/> when the attribute names none (already reported).</param>
/// <param name="FlagName">The <c>CloexecFlag</c> member <c>Flag = ...</c> names, <see langword="null"/> when not written.</param>
/// <param name="Parameters">The parameters that reach native code, <c>cloexec</c> left out, in order.</param>
/// <param name="ParameterNames">Every parameter's name, <c>cloexec</c> included, without <c>@</c>: no local may take one.</param>
/// <param name="MayRunOnApple">Whether the method may run on an Apple platform (its variadic arguments then go on the stack).</param>
internal sealed record CallRequest(
    string MethodName,
    DiagnosticLocation Location,
    NativeTarget? Target,
    string? FlagName,
    string? FlagsParameter,
    DescriptorsSetting Descriptors,
    string? DescriptorsParameter,
    EquatableArray<ParameterFacts> Parameters,
    EquatableArray<string> ParameterNames,
    ReturnFacts Return,
    bool MayRunOnApple)
{
    public bool Wraps => Target?.WrapsMethodName is not null;
}

/// <summary>What a parameter's symbol says about the shapes of argument it can be.</summary>
[System.Flags]
internal enum ParameterTraits
{
    None = 0,
    /// <summary>Passed by value (no ref, out or in).</summary>
    ByValue = 1 << 0,
    /// <summary>Passed by <c>ref</c> or <c>in</c>.</summary>
    RefOrIn = 1 << 1,
    /// <summary>A pointer type.</summary>
    Pointer = 1 << 2,
    /// <summary><c>nint</c> or <c>nuint</c>.</summary>
    NativeInteger = 1 << 3,
    /// <summary>An array.</summary>
    Array = 1 << 4,
    /// <summary><c>Span&lt;T&gt;</c> or <c>ReadOnlySpan&lt;T&gt;</c>.</summary>
    Span = 1 << 5,
    /// <summary>A type that does not resolve.</summary>
    ErrorType = 1 << 6,
    /// <summary>int, uint, or an enum over one of them.</summary>
    FlagsType = 1 << 7,
    /// <summary>long, ulong, nint or nuint: a C <c>long</c>.</summary>
    WideFlagsType = 1 << 8,
    /// <summary><c>bool</c>.</summary>
    Boolean = 1 << 9,
    /// <summary><c>string</c>.</summary>
    String = 1 << 10,
    /// <summary><c>byte*</c> or <c>sbyte*</c>.</summary>
    BytePointer = 1 << 11,
    /// <summary>Crosses as it is: integers, enums, pointers, unmanaged structs.</summary>
    Blittable = 1 << 12,
    /// <summary>The call could write an int through it: int*/uint*, out/ref int, an int array or Span.</summary>
    HoldsInt32 = 1 << 13,
    /// <summary>A struct of the user's (not a primitive, an enum or Nullable): [DllImport] passes it as its fields.</summary>
    Struct = 1 << 14,
    /// <summary>A class with sequential or explicit layout: [DllImport] passes a pointer to its fields, or null.</summary>
    LayoutClass = 1 << 15,
}

/// <param name="Name">The name as written, without <c>@</c>: what FlagsParameter and DescriptorsParameter name.</param>
internal sealed record ParameterFacts(string Name, DiagnosticLocation Location, ParameterTraits Traits)
{
    public bool Has(ParameterTraits traits) => (Traits & traits) == traits;

    public bool HasAny(ParameterTraits traits) => (Traits & traits) != 0;
}

/// <summary>What the result's type is, judged as the integer inside a typedef-like struct.</summary>
[System.Flags]
internal enum ReturnTraits
{
    None = 0,
    Int32 = 1 << 0,
    NativeInteger = 1 << 1,
    Int64 = 1 << 2,
    /// <summary>A SafeHandle type that is not abstract.</summary>
    ConcreteSafeHandle = 1 << 3,
    /// <summary><c>bool</c> with <c>[return: MarshalAs(UnmanagedType.Bool)]</c>.</summary>
    BoolAsInt = 1 << 4,
    ErrorType = 1 << 5,
}

/// <param name="DisplayType">The declared type as the user reads it, for messages.</param>
internal sealed record ReturnFacts(string DisplayType, DiagnosticLocation Location, ReturnTraits Traits)
{
    public bool Has(ReturnTraits traits) => (Traits & traits) != 0;
}
