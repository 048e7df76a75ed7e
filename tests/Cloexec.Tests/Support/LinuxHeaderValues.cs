using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Cloexec.Tests;

/// <summary>
/// The values this machine's C headers give, read by compiling and running a tiny C program with gcc: an
/// independent source for the runtime's table on this machine's platform (tests/Cloexec.Tests/Oracles).
/// </summary>
internal static class LinuxHeaderValues
{
    // Every C name of the runtime's table (the oracle tests' list), and the values other tests pass to the kernel.
    // Each is printed as the C compiler sees it, when the headers define it (a name they lack, such as
    // KQUEUE_CLOEXEC, is absent, not a build error); _GNU_SOURCE exposes MFD_CLOEXEC, F_DUPFD_CLOEXEC and the rest.
    private static readonly string[] s_names =
    [
        .. Oracles.PlatformValueOracleTests.CNamesOfTheTable,
        "FSPICK_CLOEXEC", "FSMOUNT_CLOEXEC", "OPEN_TREE_CLOEXEC", "O_PATH", "AF_INET", "SOCK_DGRAM", "SO_TYPE",
    ];

    private static readonly Lazy<Dictionary<string, long>> s_values = new(Read);

    /// <summary>The value of <paramref name="name"/> ("A|B" is the OR of A and B); throws when the headers lack one.</summary>
    public static long Of(string name) => TryOf(name) ?? throw new KeyNotFoundException($"{name}: not among the names read from this machine's headers");

    /// <summary>The value of <paramref name="name"/> ("A|B" is the OR of A and B), or null when one is not read here.</summary>
    public static long? TryOf(string name)
    {
        long result = 0;
        foreach (string part in name.Split('|'))
        {
            if (!s_values.Value.TryGetValue(part, out long value))
            {
                return null;
            }

            result |= value;
        }

        return result;
    }

    private static Dictionary<string, long> Read()
    {
        string directory = Directory.CreateTempSubdirectory("cloexec-headers-").FullName;
        try
        {
            string source = Path.Combine(directory, "values.c");
            string program = Path.Combine(directory, "values");
            var text = new System.Text.StringBuilder("""
                #define _GNU_SOURCE
                #include <errno.h>
                #include <fcntl.h>
                #include <poll.h>
                #include <stdio.h>
                #include <unistd.h>
                #include <linux/close_range.h>
                #include <linux/perf_event.h>
                #include <sys/epoll.h>
                #include <sys/fanotify.h>
                #include <sys/mount.h>
                #include <sys/eventfd.h>
                #include <sys/inotify.h>
                #include <sys/ioctl.h>
                #include <sys/mman.h>
                #include <sys/signalfd.h>
                #include <sys/socket.h>
                #include <sys/timerfd.h>
                int main(void) {

                """);
            foreach (string name in s_names.Distinct())
            {
                text.Append(CultureInfo.InvariantCulture, $"#ifdef {name}\n    printf(\"%s=%lld\\n\", \"{name}\", (long long)({name}));\n#endif\n");
            }

            File.WriteAllText(source, text.Append("    return 0;\n}\n").ToString());
            CProgram.Compile(source, program, "this machine's C header values");
            var values = new Dictionary<string, long>();
            foreach (string line in CProgram.Run(program, string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] parts = line.Split('=');
                values[parts[0]] = long.Parse(parts[1], CultureInfo.InvariantCulture);
            }

            return values;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
