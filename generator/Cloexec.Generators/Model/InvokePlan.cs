namespace Cloexec.Generators.Model;

/// <summary>Where the call's error is read from.</summary>
internal enum LastErrorSource
{
    /// <summary><c>Marshal.GetLastSystemError</c>: errno or GetLastError as the call left it.</summary>
    System,
    /// <summary><c>Marshal.GetLastPInvokeError</c>: the raw import wrapped saved it itself (its SetLastError).</summary>
    PInvoke,
}

/// <summary>The native call: whom it calls and what each argument is.</summary>
/// <param name="Callee">The wrapper's own import (a local function) or the user's raw method that Wraps names.</param>
/// <param name="Arguments">Each native argument as passed, the flag's argument included (see <see cref="CallPlan.FlagArgument"/>).</param>
/// <param name="ClearsErrorFirst">Whether the system error is reset before the call, so a success leaves 0.</param>
/// <param name="Import">The wrapper's own import, <see langword="null"/> when it calls the user's raw method.</param>
/// <param name="Sibling">The atomic sibling called instead of a legacy call when close-on-exec is wanted.</param>
internal sealed record InvokePlan(
    string Callee,
    EquatableArray<ArgumentValue> Arguments,
    bool ClearsErrorFirst,
    LastErrorSource LastError,
    ImportPlan? Import,
    SiblingCall? Sibling);

/// <summary>The wrapper's own <c>[DllImport]</c> local function.</summary>
internal sealed record ImportPlan(string LibraryName, string EntryPoint);

/// <summary>How a value of the caller's is written where the call or the runtime takes it.</summary>
internal enum ValueForm
{
    /// <summary>The marshalled native value (the wrapper's own import).</summary>
    Native,
    /// <summary>The parameter as the wrapper received it (the user's raw method takes it as declared).</summary>
    Managed,
    /// <summary>As <see cref="Managed"/>, with its <c>ref</c>, <c>out</c> or <c>in</c>: an argument of the raw method.</summary>
    ManagedWithRefKind,
}

/// <summary>One parameter's value, written in <paramref name="Form"/>.</summary>
/// <param name="AsInt">Whether it is converted to an <c>int</c> (<c>unchecked((int)...)</c>), as the runtime takes it.</param>
internal sealed record ArgumentValue(int Parameter, ValueForm Form, bool AsInt = false);

/// <summary>What a part of a <see cref="NativeExpression"/> is.</summary>
internal enum ExpressionPartKind
{
    /// <summary>C# written as it is.</summary>
    Text,
    /// <summary>A value of the caller's (<see cref="ExpressionPart.Argument"/>).</summary>
    Argument,
    /// <summary>A runtime value of <c>CloexecFlagValues</c>, named by <see cref="ExpressionPart.Text"/>.</summary>
    FlagValue,
}

internal sealed record ExpressionPart(ExpressionPartKind Kind, string Text, ArgumentValue? Argument = null);

/// <summary>A C# expression over the call's arguments and the runtime's flag values, already resolved by the planner.</summary>
internal sealed record NativeExpression(EquatableArray<ExpressionPart> Parts);

/// <summary>A legacy call's atomic sibling.</summary>
/// <param name="LocalName">The local function the wrapper calls it through.</param>
/// <param name="Arguments">The sibling's arguments.</param>
/// <param name="ArgumentTypes">The native type of each sibling argument.</param>
/// <param name="CallsFoundFunction">
/// Whether it is its way's own function, which the runtime looks up once per process: called at the address found,
/// never where the C library lacks it. Otherwise it gets an import.
/// </param>
/// <param name="Variadic">Where the sibling's variadic arguments go, when it has some.</param>
internal sealed record SiblingCall(
    string EntryPoint,
    string LocalName,
    EquatableArray<NativeExpression> Arguments,
    EquatableArray<string> ArgumentTypes,
    bool CallsFoundFunction,
    VariadicLayout? Variadic);

/// <summary>
/// A variadic call: on Apple arm64 its variadic arguments go on the stack after the argument registers, so it is
/// made in two forms and the runtime picks one.
/// </summary>
/// <param name="FixedCount">The arguments before the "...".</param>
/// <param name="UnusedRegisters">The argument registers left after the fixed arguments: zeros fill them on the stack form.</param>
internal sealed record VariadicLayout(int FixedCount, int UnusedRegisters);
