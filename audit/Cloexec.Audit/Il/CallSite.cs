using System.Collections.Generic;
using System.Reflection.Metadata;

namespace Cloexec.Audit.Il;

/// <summary>A call, in <paramref name="Caller"/>'s IL at <paramref name="Offset"/>, to a method of the same assembly.</summary>
/// <param name="Arguments">The values passed, <c>this</c> first for an instance method.</param>
internal sealed record CallSite(MethodDefinitionHandle Caller, MethodDefinitionHandle Callee, int Offset, IReadOnlyList<StackValue> Arguments);
