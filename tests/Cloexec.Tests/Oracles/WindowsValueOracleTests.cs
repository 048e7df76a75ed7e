using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Cloexec.Platform;
using Xunit;

namespace Cloexec.Tests.Oracles;

/// <summary>
/// The Windows part of the table against the mingw-w64 headers (an independent rewrite of the Windows SDK's) and,
/// for the CRT's numbers, Rust's libc for windows-gnu. Go's x/sys/windows is not in Debian's package.
/// </summary>
public sealed class WindowsValueOracleTests(ITestOutputHelper output)
{
    /// <summary>Each constant of WindowsValues: its C name, the mingw-w64 header that defines it, and Rust's name if it has one.</summary>
    private static readonly Dictionary<string, (string CName, string Header, string? RustName)> s_sources = new()
    {
        [nameof(WindowsValues.HandleFlagInherit)] = ("HANDLE_FLAG_INHERIT", "winbase.h", null),
        [nameof(WindowsValues.ONoInherit)] = ("_O_NOINHERIT", "fcntl.h", "O_NOINHERIT"),
        [nameof(WindowsValues.WsaFlagNoHandleInherit)] = ("WSA_FLAG_NO_HANDLE_INHERIT", "winsock2.h", null),
        [nameof(WindowsValues.ErrorInvalidHandle)] = ("ERROR_INVALID_HANDLE", "winerror.h", null),
        [nameof(WindowsValues.InvalidHandle)] = ("INVALID_HANDLE_VALUE", "handleapi.h", null),
        ["CrtEBadF"] = ("EBADF", "errno.h", "EBADF"),
        ["CrtEAcces"] = ("EACCES", "errno.h", "EACCES"),
    };

    private static readonly Lazy<RustLibc> s_rust = new(() => new RustLibc(
        "target_os=windows target_family=windows target_env=gnu target_arch=x86_64 target_pointer_width=64",
        ["windows/mod.rs", "windows/gnu/mod.rs"]));

    [Fact]
    public void Every_Windows_value_agrees_with_the_mingw_headers()
    {
        output.WriteLine($"oracles: {OracleSources.Versions}");
        var failures = new List<string>();
        foreach (FieldInfo field in typeof(WindowsValues).GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public).Where(f => f.IsLiteral))
        {
            if (!s_sources.TryGetValue(field.Name, out var source))
            {
                failures.Add($"WindowsValues.{field.Name}: add its C name and header to s_sources so the oracles check it");
                continue;
            }

            long value = field.GetValue(null) is nint handle ? handle : Convert.ToInt64(field.GetValue(null), CultureInfo.InvariantCulture);
            long? mingw = MingwHeaders.Define(source.Header, source.CName);
            long? rust = source.RustName is null ? null : s_rust.Value.Constant(source.RustName);
            var confirmedBy = new List<string>();
            foreach ((string oracle, long? found) in new[] { ($"mingw-w64 {source.Header}", mingw), ("Rust libc windows-gnu", rust) })
            {
                if (found is null)
                {
                    continue;
                }

                if (found != value)
                {
                    failures.Add($"{source.CName}: the table has {value}, {oracle} has {found}");
                }
                else
                {
                    confirmedBy.Add(oracle);
                }
            }

            if (confirmedBy.Count == 0)
            {
                failures.Add($"{source.CName} = {value}: no oracle has it");
            }
            else
            {
                output.WriteLine($"{source.CName} = {value}: confirmed by {string.Join(", ", confirmedBy)}{(confirmedBy.Count == 1 ? " ONLY" : string.Empty)}{(rust is null ? "; Rust's libc lacks it" : string.Empty)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
