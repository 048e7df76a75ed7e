using System.Collections.Generic;
using Cloexec.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Planning;

/// <summary>The declaration a plan is made for, and where its diagnostics go.</summary>
internal sealed class PlanContext(CallRequest request, NativeTarget target, EquatableArray<ParameterModel> parameters, List<DiagnosticInfo> diagnostics)
{
    public CallRequest Request { get; } = request;

    public NativeTarget Target { get; } = target;

    public string MethodName => Request.MethodName;

    public string EntryPoint => Target.EntryPoint;

    /// <summary>What the parameters that reach native code are, <c>cloexec</c> left out.</summary>
    public EquatableArray<ParameterFacts> NativeParameters => Request.Parameters;

    /// <summary>How each of them crosses.</summary>
    public EquatableArray<ParameterModel> Parameters { get; } = parameters;

    /// <summary>Whether the wrapper calls the user's raw import (Wraps) rather than its own.</summary>
    public bool Wraps => Target.WrapsMethodName is not null;

    /// <summary>The same declaration, its parameters given their local names.</summary>
    public PlanContext With(EquatableArray<ParameterModel> named) => new(Request, Target, named, diagnostics);

    public void Report(DiagnosticDescriptor descriptor, params string[] arguments) => Report(descriptor, Request.Location, arguments);

    public void Report(DiagnosticDescriptor descriptor, DiagnosticLocation location, params string[] arguments) =>
        diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    /// <summary>The index of the native parameter named <paramref name="name"/>, -1 when none is.</summary>
    public int IndexOf(string? name)
    {
        for (int i = 0; i < NativeParameters.Count; i++)
        {
            if (NativeParameters[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
