using System.Collections.Generic;
using Cloexec.Audit.Judging;

namespace Cloexec.Audit;

/// <summary>What the audit found in one assembly.</summary>
/// <param name="Path">The file read.</param>
/// <param name="Name">The assembly's simple name, <see langword="null"/> when the file is no .NET assembly.</param>
/// <param name="Creators">The descriptor-creating imports it declares, as <c>Type.Method -> entry point</c>.</param>
/// <param name="Error">Why the file could not be read, if it could not.</param>
public sealed record AssemblyAudit(string Path, string? Name, string? Version, IReadOnlyList<string> Creators, IReadOnlyList<Finding> Findings, string? Error = null);
