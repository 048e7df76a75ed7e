extern alias CloexecRuntime;

using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Cloexec.Analyzers.Tests.Infrastructure;

/// <summary>
/// What every test compilation references: .NET 10 reference assemblies from a package plus Cloexec.dll. The testing
/// library's own ReferenceAssemblies would download a targeting pack from NuGet at run time; an empty set with no
/// package resolves nothing, so no test touches the network.
/// </summary>
internal static class LocalReferences
{
    public static ReferenceAssemblies None { get; } = new("net10.0-local");

    public static ImmutableArray<MetadataReference> All { get; } =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(CloexecRuntime::Cloexec.CreatesDescriptorAttribute).Assembly.Location),
    ];
}
