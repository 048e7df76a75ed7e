using System;
using System.Linq;

namespace Cloexec.Tests;

/// <summary>
/// Creates one set of descriptors per family with the default, between markers on stderr that a tracer can
/// find, and prints each descriptor's FD_CLOEXEC as fcntl(F_GETFD) reads it: "family fd 0|1".
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        string[] families = args.Length > 0 ? args : Families.Names.ToArray();
        _ = Anchor.Descriptor;
        foreach (string family in families)
        {
            // A first, unmarked call loads what the first call loads (assemblies, stubs), so that the marked
            // call shows only the wrapper's own syscalls.
            Families.Create(family, cloexec: null).Dispose();
            Console.Error.WriteLine($"BEGIN {family}");
            using Created created = Families.Create(family, cloexec: null);
            Console.Error.WriteLine($"END {family}");
            foreach (int fd in created.Descriptors)
            {
                Console.WriteLine($"{family}\t{fd}\t{(Linux.HasCloexec(fd) ? 1 : 0)}");
            }
        }

        return 0;
    }
}
