using System.Collections.Immutable;
using System.Linq;

namespace Cloexec.Analyzers.Tests.FeatureSpace;

/// <summary>How the declaration's type is declared around it.</summary>
internal enum Container
{
    StaticClass,
    Class,
    SealedDerivedClass,
    PartialClass,
    Struct,
    RecordClass,
    RecordStruct,
    NestedInClass,
    NestedInStruct,
}

/// <summary>Whether the declaration implements a member of an interface its type implements.</summary>
internal enum InterfaceRole
{
    None,
    ImplicitStaticAbstract,
    ExplicitStaticAbstract,
}

/// <summary>
/// One raw creator as a user could declare it, written out as source: its type, its import, its signature, and a
/// <c>Run</c> method beside it that calls it the way the user's code does (a plain call, which must keep compiling) and
/// returns every descriptor the call made.
/// </summary>
internal sealed record RawDeclaration(
    string Name,
    Creator Creator,
    string Library = "\"libc\"",
    bool LibraryImport = false,
    ImmutableArray<string> ImportArguments = default,
    string? Accessibility = "internal",
    ImmutableArray<string> Modifiers = default,
    ImmutableArray<string> MethodAttributes = default,
    Container Container = Container.StaticClass,
    InterfaceRole Interface = InterfaceRole.None,
    bool UsedAsMethodGroup = false,
    string? MethodName = null)
{
    public string TypeName => "T_" + Name;

    /// <summary>The C# name of the method: the entry point, unless a feature renames it and says EntryPoint.</summary>
    public string Method => MethodName ?? Creator.EntryPoint;

    public string Source()
    {
        string import = LibraryImport ? "LibraryImport" : "DllImport";
        ImmutableArray<string> importArguments = ImportArguments.IsDefault ? [] : ImportArguments;
        if (Interface == InterfaceRole.ExplicitStaticAbstract && !importArguments.Any(a => a.StartsWith("EntryPoint", System.StringComparison.Ordinal)))
        {
            // An explicit implementation's own name is "I.open": without EntryPoint it binds nothing.
            importArguments = importArguments.Add($"EntryPoint = \"{Creator.EntryPoint}\"");
        }

        if (LibraryImport && Creator.Strings && !importArguments.Any(a => a.StartsWith("StringMarshalling", System.StringComparison.Ordinal)))
        {
            // [LibraryImport] refuses a string without a marshalling: bindings write UTF-8.
            importArguments = importArguments.Add("StringMarshalling = StringMarshalling.Utf8");
        }

        string arguments = string.Concat(importArguments.Select(a => ", " + a));
        string attributes = string.Concat((MethodAttributes.IsDefault ? [] : MethodAttributes).Select(a => "        " + a + "\n"));
        var modifiers = new[] { Interface == InterfaceRole.ExplicitStaticAbstract ? null : Accessibility }
            .Concat(Modifiers.IsDefault ? [] : Modifiers)
            .Concat(["static", LibraryImport ? "partial" : "extern"])
            .Concat(Creator.Unsafe && (Modifiers.IsDefault || !Modifiers.Contains("unsafe")) ? ["unsafe"] : [])
            .Where(m => m is not null);
        string name = Interface == InterfaceRole.ExplicitStaticAbstract ? "I_" + Name + "." + Method : Method;
        string declaration = $"""
                    [{import}({Library}{arguments})]
            {attributes}        {string.Join(" ", modifiers)} {Creator.ReturnType} {name}({Creator.Parameters});
            """;
        string call = Interface == InterfaceRole.None ? Method : $"CallThrough<{TypeName}>";
        string methodGroup = UsedAsMethodGroup ? $"        internal static object MethodGroup() => new {Creator.DelegateType}({Method});\n" : string.Empty;
        string body = $$"""
            {{declaration}}

            {{methodGroup}}        public static unsafe int[] Run()
                    {
                        {{Creator.RunBody.Replace("CALL", call)}}
                    }
            """;

        string interfaceText = string.Empty;
        string implements = string.Empty;
        if (Interface != InterfaceRole.None)
        {
            implements = " : I_" + Name;
            interfaceText = $$"""
                internal unsafe interface I_{{Name}}
                {
                    static abstract {{Creator.ReturnType}} {{Method}}({{Creator.Parameters}});
                }

                """;
            body += $$"""


                        private static unsafe {{Creator.ReturnType}} CallThrough<TSelf>({{Creator.Parameters}}) where TSelf : I_{{Name}} => TSelf.{{Method}}({{Creator.Arguments}});
                """;
        }

        return Container switch
        {
            Container.NestedInClass => $"{interfaceText}internal {Partial}class Outer_{Name}\n{{\n    internal sealed {Partial}class {TypeName}{implements}\n    {{\n{Indent(body)}\n    }}\n}}\n",
            Container.NestedInStruct => $"{interfaceText}internal {Partial}struct Outer_{Name}\n{{\n    internal {Partial}struct {TypeName}{implements}\n    {{\n{Indent(body)}\n    }}\n}}\n",
            _ => $"{interfaceText}{TypeKeyword()} {TypeName}{BaseList(implements)}\n{{\n{body}\n}}\n",
        };
    }

    private string BaseList(string implements) => Container == Container.SealedDerivedClass
        ? " : BaseOf" + implements.Replace(" : ", ", ", System.StringComparison.Ordinal)
        : implements;

    // [LibraryImport] needs partial types around it; [DllImport] declarations are left as bindings write them.
    private string Partial => LibraryImport ? "partial " : string.Empty;

    private string TypeKeyword() => Container switch
    {
        Container.StaticClass => $"internal static {Partial}class",
        Container.Class => $"internal {Partial}class",
        Container.SealedDerivedClass => $"internal sealed {Partial}class",
        Container.PartialClass => "internal unsafe partial class",
        Container.Struct => $"internal {Partial}struct",
        Container.RecordClass => $"internal {Partial}record class",
        Container.RecordStruct => $"internal {Partial}record struct",
        _ => $"internal {Partial}class",
    };

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : "    " + l));
}
