using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// The runtime's namespaces depend in one direction, Platform &lt;- Fallback &lt;- Interop, with no cycle among any of
/// them, and every P/Invoke declaration lives under Platform. Read from the sources: a namespace depends on another
/// when its code names one of the other's types (through a using, a qualified name, or the enclosing namespace).
/// </summary>
public sealed partial class RuntimeLayeringTests
{
    private const string Platform = "Cloexec.Platform";
    private const string Fallback = "Cloexec.Fallback";
    private const string Interop = "Cloexec.Interop";

    [Fact]
    public void Platform_imports_neither_Fallback_nor_Interop_and_Fallback_imports_no_Interop()
    {
        Dictionary<string, HashSet<string>> edges = Dependencies();

        Assert.DoesNotContain(Fallback, edges.GetValueOrDefault(Platform) ?? []);
        Assert.DoesNotContain(Interop, edges.GetValueOrDefault(Platform) ?? []);
        Assert.DoesNotContain(Interop, edges.GetValueOrDefault(Fallback) ?? []);
    }

    [Fact]
    public void No_runtime_namespace_depends_on_itself_through_others()
    {
        Dictionary<string, HashSet<string>> edges = Dependencies();
        var cycles = new List<string>();
        foreach (string start in edges.Keys)
        {
            if (PathBack(edges, start, start, [start]) is { } path)
            {
                cycles.Add(string.Join(" -> ", path));
            }
        }

        Assert.Empty(cycles);
    }

    [Fact]
    public void Every_PInvoke_declaration_is_under_Platform()
    {
        string[] outside = SourceFiles()
            .Where(file => PInvoke().IsMatch(Code(File.ReadAllText(file))))
            .Where(file => Segments(Code(File.ReadAllText(file))).Any(segment => segment.Namespace != Platform))
            .Select(Path.GetFileName).ToArray()!;

        Assert.Empty(outside);
    }

    private static List<string>? PathBack(Dictionary<string, HashSet<string>> edges, string target, string at, List<string> path)
    {
        foreach (string next in edges.GetValueOrDefault(at) ?? [])
        {
            if (next == target)
            {
                return [.. path, next];
            }

            if (!path.Contains(next) && PathBack(edges, target, next, [.. path, next]) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Namespace -> the runtime namespaces whose types its code names.</summary>
    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        // Top-level types of the runtime by simple name; a name two namespaces share tells nothing and is left out.
        Dictionary<string, string> namespaceOf = typeof(CloexecDefault).Assembly.GetTypes()
            .Where(type => !type.IsNested && type.Namespace is not null && !type.Name.Contains('<', StringComparison.Ordinal))
            .GroupBy(type => type.Name.Split('`')[0])
            .Where(group => group.Select(type => type.Namespace).Distinct().Count() == 1)
            .ToDictionary(group => group.Key, group => group.First().Namespace!);
        HashSet<string> runtimeNamespaces = [.. namespaceOf.Values];

        var edges = new Dictionary<string, HashSet<string>>();
        foreach (string file in SourceFiles())
        {
            foreach ((string ns, string code) in Segments(Code(File.ReadAllText(file))))
            {
                HashSet<string> from = edges.TryGetValue(ns, out HashSet<string>? set) ? set : edges[ns] = [];
                foreach (Match import in UsingDirective().Matches(code))
                {
                    if (runtimeNamespaces.Contains(import.Groups[1].Value) && import.Groups[1].Value != ns)
                    {
                        from.Add(import.Groups[1].Value);
                    }
                }

                foreach (Match name in Identifier().Matches(code))
                {
                    if (namespaceOf.TryGetValue(name.Value, out string? other) && other != ns)
                    {
                        from.Add(other);
                    }
                }
            }
        }

        return edges;
    }

    private static IEnumerable<string> SourceFiles([CallerFilePath] string callerFile = "")
    {
        string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(callerFile)!, "..", ".."));
        IEnumerable<string> runtime = Directory.EnumerateFiles(Path.Combine(root, "runtime", "Cloexec"), "*.cs", SearchOption.AllDirectories);
        IEnumerable<string> knowledge = Directory.EnumerateFiles(Path.Combine(root, "knowledge", "Cloexec.Knowledge"), "*.cs");
        return runtime.Concat(knowledge).Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && Path.GetFileName(file) != "CompilerExtensionUsings.cs");
    }

    /// <summary>
    /// The code of a file, without comments, strings or characters (what they say is no dependency), nor enum bodies,
    /// whose member names (CloexecFlag.SecurityAttributes) are not the types they may spell.
    /// </summary>
    private static string Code(string source) => EnumBody().Replace(CommentOrLiteral().Replace(source, " "), "{ }");

    /// <summary>Each namespace declaration and the code under it (a file-scoped one covers the whole file).</summary>
    private static IEnumerable<(string Namespace, string Code)> Segments(string code)
    {
        MatchCollection declarations = NamespaceDeclaration().Matches(code);
        for (int i = 0; i < declarations.Count; i++)
        {
            int start = declarations[i].Index;
            int end = i + 1 < declarations.Count ? declarations[i + 1].Index : code.Length;
            // The usings above the first declaration belong to every namespace of the file.
            yield return (declarations[i].Groups[1].Value, code[..declarations[0].Index] + code[start..end]);
        }
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)+'", RegexOptions.Singleline)]
    private static partial Regex CommentOrLiteral();

    [GeneratedRegex(@"(?<=\benum\s+\w+(?:\s*:\s*\w+)?\s*)\{[^}]*\}")]
    private static partial Regex EnumBody();

    [GeneratedRegex(@"\bnamespace\s+([\w.]+)\s*[;{]")]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^\s*using\s+(?:static\s+)?([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"(?<![\w.])[A-Z]\w*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\[\s*(?:DllImport|LibraryImport)\s*\(")]
    private static partial Regex PInvoke();
}
