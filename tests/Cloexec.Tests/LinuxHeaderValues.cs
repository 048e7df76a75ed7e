using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Cloexec.Testing;

namespace Cloexec.Tests;

/// <summary>
/// The values this machine's C headers give, read by compiling and running a tiny C program with gcc: an
/// independent source for the runtime's table on this machine's platform (tests/Cloexec.Tests/Oracles).
/// </summary>
internal static class LinuxHeaderValues
{
    // Each name is printed as the C compiler sees it; _GNU_SOURCE exposes MFD_CLOEXEC, F_DUPFD_CLOEXEC and the rest.
    private static readonly string[] s_names =
    [
        "O_WRONLY", "O_CREAT", "O_TRUNC",
        "O_CLOEXEC", "SOCK_CLOEXEC", "EPOLL_CLOEXEC", "EFD_CLOEXEC", "IN_CLOEXEC", "MFD_CLOEXEC", "TFD_CLOEXEC",
        "SFD_CLOEXEC", "MSG_CMSG_CLOEXEC", "F_DUPFD_CLOEXEC", "O_WRONLY|O_CREAT|O_TRUNC", "FIOCLEX", "FIONCLEX",
        "ENOSYS", "F_GETFD", "F_SETFD", "FD_CLOEXEC", "EBADF", "EACCES", "EINVAL", "ENOTTY",
        "FAN_CLOEXEC", "PERF_FLAG_FD_CLOEXEC", "FSOPEN_CLOEXEC", "FSPICK_CLOEXEC", "FSMOUNT_CLOEXEC", "OPEN_TREE_CLOEXEC", "O_RDWR",
        "O_PATH", "AF_INET", "SOCK_DGRAM", "SO_TYPE",
    ];

    private static readonly Lazy<Dictionary<string, long>> s_values = new(Read);

    public static long Of(string name) => s_values.Value[name];

    /// <summary>The value of <paramref name="name"/>, or null when it is not one of the names read here.</summary>
    public static long? TryOf(string name) => s_values.Value.TryGetValue(name, out long value) ? value : null;

    private static Dictionary<string, long> Read()
    {
        Requirement.Program("this machine's C header values", "`apt-get install gcc libc6-dev`", "gcc");
        string directory = Directory.CreateTempSubdirectory("cloexec-headers-").FullName;
        try
        {
            string source = Path.Combine(directory, "values.c");
            string program = Path.Combine(directory, "values");
            var text = new System.Text.StringBuilder("""
                #define _GNU_SOURCE
                #include <errno.h>
                #include <fcntl.h>
                #include <stdio.h>
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
            foreach (string name in s_names)
            {
                text.Append(CultureInfo.InvariantCulture, $"    printf(\"%s=%lld\\n\", \"{name}\", (long long)({name}));\n");
            }

            File.WriteAllText(source, text.Append("    return 0;\n}\n").ToString());
            Run("gcc", $"-o {program} {source}");
            var values = new Dictionary<string, long>();
            foreach (string line in Run(program, string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
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

    private static string Run(string file, string arguments)
    {
        using Process process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException(file + " did not start");
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited {process.ExitCode}: {error}");
        }

        return output;
    }
}
