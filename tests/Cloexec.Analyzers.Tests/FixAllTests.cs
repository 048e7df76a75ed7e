using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cloexec.Analyzers.Tests.Infrastructure;
using Cloexec.CodeFixes;
using Xunit;

namespace Cloexec.Analyzers.Tests;

/// <summary>
/// Fix All converts every raw creator in one application: a document in one pass, a project in one pass, a solution in
/// one pass, also when one partial class is spread over several files that each need <c>using Cloexec;</c>. The batch
/// fixer this replaces converted 2 of 7 declarations of one file per run.
/// </summary>
public sealed class FixAllTests
{
    /// <summary>One raw declaration: its entry point, its C# parameters, and the [DllImport] arguments after the library.</summary>
    private sealed record Raw(string Name, string Parameters, string Settings = ", SetLastError = true");

    // One partial class, LibC, over three files, in the style of the libc binding libraries: the library name is a const
    // of another class brought in with 'using static', paths are byte*, the class is 'unsafe static partial'.
    private static readonly Raw[] s_files =
    [
        new("open", "byte* path, int flags, int mode"),
        new("openat", "int dirfd, byte* path, int flags, int mode"),
        new("creat", "byte* path, int mode"),
        new("dup", "int fd"),
        new("dup2", "int oldfd, int newfd"),
        new("dup3", "int oldfd, int newfd, int flags"),
        new("pipe", "int* fds"),
        new("pipe2", "int* fds, int flags"),
        new("mkstemp", "byte* template", ""),
        new("mkostemp", "byte* template, int flags", ""),
    ];

    private static readonly Raw[] s_sockets =
    [
        new("socket", "int domain, int type, int protocol"),
        new("socketpair", "int domain, int type, int protocol, int* sv"),
        new("accept", "int fd, void* addr, uint* len"),
        new("accept4", "int fd, void* addr, uint* len, int flags"),
        new("recvmsg", "int fd, void* msg, int flags", ", EntryPoint = \"recvmsg\""),
    ];

    private static readonly Raw[] s_events =
    [
        new("epoll_create", "int size"),
        new("epoll_create1", "int flags"),
        new("eventfd", "uint initval, int flags"),
        new("inotify_init", ""),
        new("inotify_init1", "int flags"),
        new("memfd_create", "byte* name, uint flags"),
        new("timerfd_create", "int clockid, int flags"),
        new("signalfd", "int fd, void* mask, int flags"),
        new("posix_openpt", "int flags"),
    ];

    private const string Libraries = """
        namespace Bindings
        {
            internal static class Libraries
            {
                internal const string libc = "libc.so.6";
            }
        }
        """;

    [Fact]
    public Task Fix_all_converts_a_partial_class_over_three_files_in_one_pass_per_scope() =>
        Verify<RawDeclarationAnalyzer>.FixAllInOnePassAsync<ToCreatesDescriptorCodeFix>(
            [PartOfLibc(s_files, fix: false), PartOfLibc(s_sockets, fix: false), PartOfLibc(s_events, fix: false), Libraries],
            [PartOfLibc(s_files, fix: true), PartOfLibc(s_sockets, fix: true), PartOfLibc(s_events, fix: true), Libraries]);

    [Fact]
    public Task Fix_all_in_one_document_converts_every_declaration_of_nested_non_partial_types_in_one_pass() =>
        Verify<RawDeclarationAnalyzer>.FixAllInOnePassAsync<ToCreatesDescriptorCodeFix>(
            [NestedNonPartial([.. s_files, .. s_sockets, .. s_events], fix: false), Libraries],
            [NestedNonPartial([.. s_files, .. s_sockets, .. s_events], fix: true), Libraries]);

    [Fact]
    public Task Fix_all_in_the_solution_converts_two_projects_in_one_pass() =>
        Verify<RawDeclarationAnalyzer>.FixAllInOnePassAsync<ToCreatesDescriptorCodeFix>(
            [PartOfLibc(s_files, fix: false), PartOfLibc(s_sockets, fix: false), Libraries],
            [PartOfLibc(s_files, fix: true), PartOfLibc(s_sockets, fix: true), Libraries],
            otherProjectSources: [PartOfLibc(s_events, fix: false), NestedNonPartial(s_sockets, fix: false), Libraries],
            otherProjectFixedSources: [PartOfLibc(s_events, fix: true), NestedNonPartial(s_sockets, fix: true), Libraries]);

    /// <summary>A file holding one part of <c>unsafe static partial class LibC</c>, raw (with diagnostic markup) or fixed.</summary>
    private static string PartOfLibc(IEnumerable<Raw> declarations, bool fix) => $$"""
        using System.Runtime.InteropServices;
        {{(fix ? "using Cloexec;\n" : "")}}using static Bindings.Libraries;

        namespace Bindings
        {
            internal static unsafe partial class LibC
            {
        {{Declarations(declarations, fix, "        ")}}
            }
        }
        """;

    /// <summary>
    /// A file whose declarations sit in a class nested in another, neither partial, neither unsafe (the methods are):
    /// the fix makes both types partial.
    /// </summary>
    private static string NestedNonPartial(IEnumerable<Raw> declarations, bool fix)
    {
        string partial = fix ? "partial " : "";
        return $$"""
            using System.Runtime.InteropServices;
            {{(fix ? "using Cloexec;\n" : "")}}using static Bindings.Libraries;

            namespace Bindings.Other
            {
                internal static {{partial}}class Syscalls
                {
                    internal const int Unused = 0;

                    internal static {{partial}}class Unsafe
                    {
            {{Declarations(declarations, fix, "            ", unsafeMethods: true)}}
                    }
                }
            }
            """;
    }

    private static string Declarations(IEnumerable<Raw> declarations, bool fix, string indent, bool unsafeMethods = false)
    {
        string modifiers = unsafeMethods ? "internal static unsafe" : "internal static";
        return string.Join("\n\n", declarations.Select(d =>
        {
            string parameters = fix ? (d.Parameters.Length == 0 ? "bool? cloexec = null" : d.Parameters + ", bool? cloexec = null") : d.Parameters;
            return fix
                ? $"{indent}[CreatesDescriptor(libc{d.Settings})]\n{indent}{modifiers} partial int {d.Name}({parameters});"
                : $"{indent}[DllImport(libc{d.Settings})]\n{indent}{modifiers} extern int {{|CLOEXEC0200:{d.Name}|}}({parameters});";
        }));
    }
}
