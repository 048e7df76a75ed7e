namespace Cloexec.Generators.Model;

/// <summary>Everything the emitter needs to write one wrapper: plain data, no symbols, compared by value.</summary>
/// <param name="Signature">Each declared parameter as it is written in the implementation, <c>cloexec</c> included.</param>
/// <param name="Parameters">The parameters that reach native code, in order.</param>
internal sealed record WrapperModel(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string DocumentationComment,
    string Modifiers,
    string MethodName,
    ReturnModel Return,
    EquatableArray<string> Signature,
    EquatableArray<ParameterModel> Parameters,
    string? CloexecParameterName,
    NativeTarget Target,
    CallPlan Plan);

/// <summary>A type around the method, outermost first: <c>partial {Keyword} {Name}</c>.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>How the wrapper reaches native code: its own import, or the user's raw method.</summary>
internal sealed record NativeTarget(
    string? LibraryName,
    string EntryPoint,
    bool SetLastError,
    string? WrapsMethodName,
    bool WrappedSetsLastError);
