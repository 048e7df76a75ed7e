extern alias CloexecRuntime;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Cloexec.Analyzers.Tests.FeatureSpace;
using Cloexec.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cloexec.Analyzers.Tests;

/// <summary>
/// The space of raw declarations, not a list of samples: every feature a declaration can have (<see cref="Creator"/>
/// signatures, <see cref="DeclarationFeature"/> declarations), alone and in pairs, is reported, converted by the real
/// Fix All in one application, compiled with the real generators (no error, no warning the raw project did not have),
/// and every converted creator is called: its descriptor is close-on-exec by default on the atomic path and with the
/// fallback forced, and a path with non-ASCII characters arrives unchanged.
/// </summary>
public sealed class FeatureSpaceTests
{
    // Small enough that finding each method's references (delegate uses) stays linear in practice.
    private const int DeclarationsPerProject = 80;

    public static TheoryData<int> Chunks()
    {
        var data = new TheoryData<int>();
        int count = Declarations().Count;
        for (int chunk = 0; chunk * DeclarationsPerProject < count; chunk++)
        {
            data.Add(chunk);
        }

        return data;
    }

    [Fact]
    public void The_space_holds_every_feature_alone_and_in_pairs()
    {
        List<(string Features, RawDeclaration Declaration)> all = Declarations();
        foreach (Creator creator in Creator.All)
        {
            Assert.Contains(all, d => d.Declaration.Creator == creator);
        }

        foreach (DeclarationFeature feature in DeclarationFeature.All)
        {
            Assert.Contains(all, d => d.Features.Split(" + ").Contains(feature.Name));
        }

        Assert.True(all.Count > Creator.All.Length * DeclarationFeature.All.Length / 2, $"only {all.Count} declarations");
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public async Task Every_declaration_is_reported_converted_compiled_and_protected_at_run_time(int chunk)
    {
        var declarations = Declarations().Skip(chunk * DeclarationsPerProject).Take(DeclarationsPerProject).ToList();
        string[] sources = [SupportSource.Text, .. declarations.Select(d => d.Declaration.Source())];

        (Project raw, Project converted) = await ConversionPipeline.ConvertAsync(sources);
        ImmutableArray<Diagnostic> reported = await ConversionPipeline.RawImportDiagnosticsAsync(raw);
        var failures = new List<string>();
        for (int i = 0; i < declarations.Count; i++)
        {
            // Source 0 is the support code; declaration i is alone in source i + 1.
            if (!reported.Any(d => d.Location.SourceTree?.FilePath == ConversionPipeline.SourcePath(i + 1)))
            {
                failures.Add($"{declarations[i].Declaration.Name} ({declarations[i].Features}): not reported");
            }
        }

        Assert.Empty(await ConversionPipeline.RawImportDiagnosticsAsync(converted));
        // The raw project's own warnings, without generators: its LibraryImport bodies do not matter to them.
        ImmutableArray<Diagnostic> before = (await raw.GetCompilationAsync(TestContext.Current.CancellationToken))!.GetDiagnostics(TestContext.Current.CancellationToken);
        (Compilation compilation, ImmutableArray<Diagnostic> after) = await ConversionPipeline.BuildAsync(converted);
        var oldWarnings = before.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Id).ToHashSet();
        var broken = after.Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && !oldWarnings.Contains(d.Id))).ToList();
        Assert.True(broken.Count == 0, string.Join("\n", broken.Take(20).Select(d => d + "\n    in: " + Line(d))));

        (System.Runtime.Loader.AssemblyLoadContext context, Assembly assembly) = ConversionPipeline.Load(compilation);
        string directory = Directory.CreateTempSubdirectory("cloexec-features-").FullName;
        try
        {
            assembly.GetType("Support")!.GetField("Directory")!.SetValue(null, directory);
            foreach ((string features, RawDeclaration declaration) in declarations)
            {
                MethodInfo run = FindType(assembly, declaration).GetMethod("Run")!;
                foreach (bool forceFallback in new[] { false, true })
                {
                    string? failure = RunOnce(run, forceFallback);
                    if (failure is not null)
                    {
                        failures.Add($"{declaration.Name} ({features}){(forceFallback ? ", fallback forced" : string.Empty)}: {failure}");
                    }
                }
            }
        }
        finally
        {
            ForceFallback(false);
            context.Unload();
            Directory.Delete(directory, recursive: true);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string? RunOnce(MethodInfo run, bool forceFallback)
    {
        ForceFallback(forceFallback);
        int[] descriptors;
        try
        {
            descriptors = (int[])run.Invoke(null, null)!;
        }
        catch (TargetInvocationException e)
        {
            return e.InnerException?.ToString() ?? e.ToString();
        }

        try
        {
            foreach (int fd in descriptors)
            {
                int flags = Fcntl(fd, FGetFd);
                if (flags < 0 || (flags & FdCloexec) == 0)
                {
                    return $"descriptor {fd} is not close-on-exec (F_GETFD = {flags})";
                }
            }

            return descriptors.Length == 0 ? "no descriptor" : null;
        }
        finally
        {
            foreach (int fd in descriptors)
            {
                _ = Close(fd);
            }
        }
    }

    /// <summary>As CLOEXEC_FORCE_FALLBACK=1 would: the runtime forgets what it learnt and takes the fallback.</summary>
    private static void ForceFallback(bool force) =>
        typeof(CloexecRuntime::Cloexec.CreatesDescriptorAttribute).Assembly.GetTypes().Single(t => t.Name == "AtomicWayStates")
            .GetMethod("ResetForTests", BindingFlags.Static | BindingFlags.NonPublic)!
            .Invoke(null, [force, null]);

    private static Type FindType(Assembly assembly, RawDeclaration declaration) =>
        assembly.GetTypes().Single(t => t.Name == declaration.TypeName);

    private static string Line(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree is { } tree ? tree.GetText().Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).ToString().Trim() : string.Empty;

    /// <summary>Every creator alone and with each feature, every feature alone and with each feature of another slot.</summary>
    private static List<(string Features, RawDeclaration Declaration)> Declarations()
    {
        var result = new List<(string, RawDeclaration)>();
        void Add(string features, RawDeclaration declaration) => result.Add((features, declaration with { Name = "D" + result.Count }));

        foreach (Creator creator in Creator.All)
        {
            var plain = new RawDeclaration(string.Empty, creator);
            Add(creator.Feature, plain);
            foreach (DeclarationFeature feature in DeclarationFeature.All.Where(f => f.Fits?.Invoke(plain) ?? true))
            {
                Add(creator.Feature + " + " + feature.Name, feature.Apply(plain));
            }
        }

        ImmutableArray<DeclarationFeature> features = DeclarationFeature.All;
        for (int i = 0; i < features.Length; i++)
        {
            if (Combine(features[i], null) is { } alone)
            {
                Add(features[i].Name, alone);
            }

            for (int j = i + 1; j < features.Length; j++)
            {
                if (features[i].Slot != features[j].Slot && Combine(features[i], features[j]) is { } pair)
                {
                    Add(features[i].Name + " + " + features[j].Name, pair);
                }
            }
        }

        return result;
    }

    /// <summary>The first creator both features fit, in either order; <see langword="null"/> when none does.</summary>
    private static RawDeclaration? Combine(DeclarationFeature first, DeclarationFeature? second)
    {
        foreach (Creator creator in Creator.All)
        {
            var plain = new RawDeclaration(string.Empty, creator);
            foreach ((DeclarationFeature a, DeclarationFeature? b) in new[] { (first, second), (second ?? first, second is null ? null : first) })
            {
                if (!(a.Fits?.Invoke(plain) ?? true))
                {
                    continue;
                }

                RawDeclaration one = a.Apply(plain);
                if (b is null)
                {
                    return one;
                }

                if (b.Fits?.Invoke(one) ?? true)
                {
                    return b.Apply(one);
                }
            }
        }

        return null;
    }

    // F_GETFD and FD_CLOEXEC from Linux's asm-generic/fcntl.h.
    private const int FGetFd = 1;
    private const int FdCloexec = 1;

    // The test's own reading of the flag, apart from the code under test (and without unsafe code, which the project does not allow).
    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int fd, int command);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
