namespace Cloexec.Generators.Model;

/// <summary>Everything the emitter needs to write one wrapper: plain data, no symbols, compared by value.</summary>
/// <param name="Signature">Each declared parameter as it is written in the implementation, <c>cloexec</c> included.</param>
/// <param name="Parameters">The parameters that reach native code, in order.</param>
/// <param name="ReturnRefKind"><c>ref </c> or <c>ref readonly </c> before the return type; only a stub has one.</param>
/// <param name="Plan">What the call does; <see langword="null"/> for a stub, whose body only throws.</param>
/// <param name="TypeParameters"><c>&lt;T&gt;</c> after the name, with its <paramref name="Constraints"/>; only a stub has them.</param>
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
    CallPlan? Plan,
    string ReturnRefKind = "",
    string TypeParameters = "",
    EquatableArray<string> Constraints = default);

/// <summary>A type around the method, outermost first: <c>partial {Keyword} {Name}</c>, Name with its type parameters.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>How the wrapper reaches native code: its own import, or the user's raw method.</summary>
internal sealed record NativeTarget(
    string? LibraryName,
    string EntryPoint,
    bool SetLastError,
    string? WrapsMethodName,
    bool WrappedSetsLastError);
