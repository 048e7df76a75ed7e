using System.Collections.Generic;
using System.Linq;
using Cloexec.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Planning;

/// <summary>The declaration a plan is made for, and where its diagnostics go.</summary>
internal sealed class PlanContext(
    IMethodSymbol method, string entryPoint, List<IParameterSymbol> nativeParameters, List<ParameterModel> parameters, bool wraps, Location location, List<DiagnosticInfo> diagnostics)
{
    public IMethodSymbol Method { get; } = method;

    public string EntryPoint { get; } = entryPoint;

    /// <summary>The parameters that reach native code, <c>cloexec</c> left out.</summary>
    public List<IParameterSymbol> NativeParameters { get; } = nativeParameters;

    public List<ParameterModel> Parameters { get; } = parameters;

    /// <summary>Whether the wrapper calls the user's raw import (Wraps) rather than its own.</summary>
    public bool Wraps { get; } = wraps;

    public Location Location { get; } = location;

    public void Report(DiagnosticDescriptor descriptor, params string[] arguments) => Report(descriptor, Location, arguments);

    public void Report(DiagnosticDescriptor descriptor, Location location, params string[] arguments) =>
        diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    public Location LocationOf(IParameterSymbol parameter) => parameter.Locations.FirstOrDefault() ?? Location;
}
