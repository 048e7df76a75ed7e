using System;
using System.Linq;

namespace Cloexec.Tests;

/// <summary>
/// Calls each family's wrapper <see cref="ProbeSegments.Rounds"/> times with the default, each call alone between
/// markers on stderr that a tracer can find, and prints each descriptor's FD_CLOEXEC as fcntl(F_GETFD) reads it:
/// "family round fd 0|1".
/// </summary>
/// <remarks>
/// Every wrapper call that can make a once-per-process check is marked, the anchor's open included; setup (helper
/// sockets, free numbers, paths) and the printing happen outside the markers.
/// </remarks>
internal static class Program
{
    public static int Main(string[] args)
    {
        string[] families = args.Length > 0 ? args : Families.Names.ToArray();
        Console.Error.WriteLine($"BEGIN {ProbeSegments.Anchor}");
        _ = Anchor.Descriptor;
        Console.Error.WriteLine($"END {ProbeSegments.Anchor}");
        foreach (string family in families)
        {
            for (int round = 1; round <= ProbeSegments.Rounds; round++)
            {
                Prepared call = Families.Prepare(family);
                string segment = ProbeSegments.Call(family, round);
                Console.Error.WriteLine($"BEGIN {segment}");
                Created created = call.Call(cloexec: null);
                Console.Error.WriteLine($"END {segment}");
                using (created)
                {
                    foreach (int fd in created.Descriptors)
                    {
                        Console.WriteLine($"{family}\t{round}\t{fd}\t{(Linux.HasCloexec(fd) ? 1 : 0)}");
                    }
                }
            }
        }

        return 0;
    }
}
