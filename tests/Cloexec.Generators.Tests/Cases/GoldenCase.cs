namespace Cloexec.Generators.Tests.Cases;

/// <summary>A consumer source whose generated code is pinned in <c>Golden/&lt;Name&gt;.verified.cs</c>.</summary>
public sealed record GoldenCase(string Name, string Source);
