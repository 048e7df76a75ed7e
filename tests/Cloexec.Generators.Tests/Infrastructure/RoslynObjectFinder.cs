using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Cloexec.Generators.Tests.Infrastructure;

/// <summary>
/// Finds Roslyn objects held by a pipeline step's output. A symbol, node or compilation in a model keeps an old
/// compilation alive and makes every comparison fail, which silently turns incremental caching off.
/// </summary>
internal static class RoslynObjectFinder
{
    private static readonly Type[] s_forbidden =
    [
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel),
        typeof(Location), typeof(AttributeData), typeof(SyntaxToken), typeof(SyntaxTrivia), typeof(SyntaxNodeOrToken),
    ];

    private static readonly Assembly s_generatorAssembly = typeof(CreatesDescriptorGenerator).Assembly;

    /// <summary>A path such as <c>Item1.Model.Target</c> for each Roslyn object reachable from <paramref name="root"/>.</summary>
    public static List<string> Find(object? root)
    {
        var found = new List<string>();
        Walk(root, "value", found, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return found;
    }

    private static void Walk(object? value, string path, List<string> found, HashSet<object> seen)
    {
        if (value is null || (!value.GetType().IsValueType && !seen.Add(value)))
        {
            return;
        }

        Type type = value.GetType();
        if (Array.Exists(s_forbidden, forbidden => forbidden.IsAssignableFrom(type)))
        {
            found.Add($"{path}: {type.FullName}");
            return;
        }

        if (value is Array array)
        {
            for (int i = 0; i < array.Length; i++)
            {
                Walk(array.GetValue(i), $"{path}[{i}]", found, seen);
            }

            return;
        }

        // The generator's own types and the tuples Combine makes are the containers; anything else (strings,
        // enums, a DiagnosticDescriptor) is a leaf that cannot lead back to a compilation.
        if (type.Assembly != s_generatorAssembly && value is not ITuple)
        {
            return;
        }

        foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), $"{path}.{MemberName(field)}", found, seen);
        }
    }

    /// <summary>A record's backing field <c>&lt;Model&gt;k__BackingField</c> reads as its property, <c>Model</c>.</summary>
    private static string MemberName(FieldInfo field)
    {
        string name = field.Name;
        int end = name.IndexOf('>', StringComparison.Ordinal);
        return name.StartsWith('<') && end > 0 ? name[1..end] : name;
    }
}
