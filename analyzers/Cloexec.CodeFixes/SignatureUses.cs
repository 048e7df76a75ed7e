using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace Cloexec.CodeFixes;

/// <summary>
/// Whether something other than a call depends on a raw import's exact signature, so that a trailing
/// <c>bool? cloexec = null</c> would break it: an interface member it implements (CS0535), or a method group, delegate
/// conversion or function pointer taken of it anywhere in the solution (CS0123). Such a method keeps its signature;
/// its calls follow the ambient default (<c>CloexecDefault</c>), and a caller picks per call with a scope.
/// </summary>
internal static class SignatureUses
{
    public static async Task<bool> SignatureIsBoundAsync(IMethodSymbol method, Solution solution, CancellationToken cancellationToken)
    {
        if (ImplementsInterfaceMember(method))
        {
            return true;
        }

        foreach (ReferencedSymbol referenced in await SymbolFinder.FindReferencesAsync(method, solution, cancellationToken).ConfigureAwait(false))
        {
            foreach (ReferenceLocation location in referenced.Locations)
            {
                SyntaxNode? root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (root?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true) is { } node && !IsCallOrNameOf(node))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool ImplementsInterfaceMember(IMethodSymbol method) =>
        !method.ExplicitInterfaceImplementations.IsEmpty
        || method.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers().OfType<IMethodSymbol>())
            .Any(member => SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method));

    /// <summary><c>M(...)</c>, <c>X.M(...)</c>, <c>X?.M(...)</c> or <c>nameof(M)</c>: uses a trailing optional parameter leaves compiling (a <c>cref</c> too).</summary>
    private static bool IsCallOrNameOf(SyntaxNode node)
    {
        if (node.AncestorsAndSelf().Any(n => n is CrefSyntax))
        {
            return true;
        }

        SyntaxNode name = node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access
            : node.Parent is MemberBindingExpressionSyntax binding && binding.Name == node ? binding
            : node;
        if (name.Parent is InvocationExpressionSyntax invocation && invocation.Expression == name)
        {
            return true;
        }

        return name.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } } };
    }
}
