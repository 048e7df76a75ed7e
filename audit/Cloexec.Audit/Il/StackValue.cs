namespace Cloexec.Audit.Il;

/// <summary>What the IL reader knows of one value on the evaluation stack.</summary>
internal enum ValueKind
{
    /// <summary>Computed, read from a field or a local written more than once: nothing is known.</summary>
    Unknown,
    /// <summary>An integer constant (a null pointer is 0).</summary>
    Constant,
    /// <summary>A string literal.</summary>
    Text,
    /// <summary>A parameter of the method being read, perhaps or-ed with constant bits or converted by a call.</summary>
    Parameter,
}

/// <summary>One value on the evaluation stack.</summary>
/// <param name="Bits">For <see cref="ValueKind.Constant"/> the value; for a parameter, the constant bits or-ed into it.</param>
/// <param name="Parameter">For <see cref="ValueKind.Parameter"/>: its position in the method's signature (0 is the first after <c>this</c>).</param>
internal readonly record struct StackValue(ValueKind Kind, long Bits = 0, int Parameter = -1, string? Text = null)
{
    public static StackValue Unknown => default;

    public static StackValue Of(long constant) => new(ValueKind.Constant, constant);

    public static StackValue OfText(string text) => new(ValueKind.Text, Text: text);

    public static StackValue OfParameter(int parameter) => new(ValueKind.Parameter, Parameter: parameter);

    public StackValue Or(StackValue other) => (Kind, other.Kind) switch
    {
        (ValueKind.Constant, ValueKind.Constant) => Of(Bits | other.Bits),
        (ValueKind.Parameter, ValueKind.Constant) => this with { Bits = Bits | other.Bits },
        (ValueKind.Constant, ValueKind.Parameter) => other with { Bits = Bits | other.Bits },
        _ => Unknown,
    };

    public StackValue And(StackValue other) => (Kind, other.Kind) switch
    {
        (ValueKind.Constant, ValueKind.Constant) => Of(Bits & other.Bits),
        // flags & ~O_CLOEXEC: whatever bits were or-ed in before may be gone; the caller still decides the rest.
        (ValueKind.Parameter, ValueKind.Constant) => this with { Bits = Bits & other.Bits },
        (ValueKind.Constant, ValueKind.Parameter) => other with { Bits = Bits & other.Bits },
        _ => Unknown,
    };

    public StackValue Add(StackValue other) =>
        Kind == ValueKind.Constant && other.Kind == ValueKind.Constant ? Of(Bits + other.Bits) : Unknown;
}
