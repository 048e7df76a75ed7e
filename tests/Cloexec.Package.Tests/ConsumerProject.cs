using System;
using System.IO;

namespace Cloexec.Package.Tests;

/// <summary>A fresh console project, outside the repository, that references the packed Cloexec and nothing else of ours.</summary>
internal sealed class ConsumerProject
{
    public const string Name = "CloexecConsumer";

    private ConsumerProject(string directory) => Folder = directory;

    public string Folder { get; }

    public string ProjectFile => Path.Combine(Folder, Name + ".csproj");

    /// <summary>
    /// Writes the project by hand: net10.0 (or <paramref name="targetFramework"/>), unsafe code allowed as with
    /// LibraryImport (unless <paramref name="allowUnsafe"/> is false), warnings as errors, a PackageReference to this
    /// run's Cloexec, and <paramref name="extraProperties"/>.
    /// </summary>
    public static ConsumerProject Create(PackageFixture package, string folder, string extraProperties = "", string targetFramework = "net10.0", bool allowUnsafe = true)
    {
        _ = package.PackagePath; // packs first, or fails with the pack's output
        string directory = Path.Combine(package.WorkRoot, folder);
        Directory.CreateDirectory(directory);

        // Stop MSBuild's upward search: nothing above the temp folder may change this project.
        foreach (string isolation in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(directory, isolation), "<Project />\n");
        }

        File.WriteAllText(Path.Combine(directory, Name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
                <AllowUnsafeBlocks>{(allowUnsafe ? "true" : "false")}</AllowUnsafeBlocks>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <AnalysisLevel>latest-recommended</AnalysisLevel>
            {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Cloexec" Version="{package.Version}" />
              </ItemGroup>
            </Project>

            """);

        // Only this run's feed for Cloexec (source mapping: no other feed is ever asked for that id), nuget.org
        // for everything else the SDK may need (the ILCompiler packages of Native AOT).
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="cloexec-feed" value="{package.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="cloexec-feed">
                  <package pattern="Cloexec" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>

            """);

        File.Copy(Path.Combine(AppContext.BaseDirectory, "Consumer", "Program.cs"), Path.Combine(directory, "Program.cs"), overwrite: true);
        return new ConsumerProject(directory);
    }
}
