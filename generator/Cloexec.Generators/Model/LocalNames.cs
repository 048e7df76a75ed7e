namespace Cloexec.Generators.Model;

/// <summary>
/// The names of the wrapper's own locals and local functions: each is its usual name unless a parameter of the
/// method already has it (header-generated bindings name parameters <c>__mode</c>, <c>__fd</c>...), then that name
/// with underscores added until it is free.
/// </summary>
internal sealed record LocalNames(
    string Mode,
    string Atomic,
    string ForkLockHeld,
    string LastError,
    string RetVal,
    string RetValNative,
    string RetValMarshaller,
    string OpenHow,
    string SecurityAttributes,
    string CreateFile2Parameters,
    string Import);
