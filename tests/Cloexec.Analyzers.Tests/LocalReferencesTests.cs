using Cloexec.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Cloexec.Analyzers.Tests;

/// <summary>The testing library downloads a targeting pack only when a package is named: none is, so no test needs NuGet.</summary>
public sealed class LocalReferencesTests
{
    [Fact]
    public void Reference_assemblies_name_no_package_to_download()
    {
        Assert.Null(LocalReferences.None.ReferenceAssemblyPackage);
        Assert.Empty(LocalReferences.None.Packages);
        Assert.NotEmpty(LocalReferences.All);
    }
}
