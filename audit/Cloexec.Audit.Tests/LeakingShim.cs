using System;
using Cloexec.Testing;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace Cloexec.Audit.Tests;

/// <summary>
/// Native code that leaks, as a native library inside a package would: a listening socket made by C's socket() without
/// SOCK_CLOEXEC, on 127.0.0.1 and a port the kernel picks. Compiled with the system's cc on first use.
/// </summary>
internal static unsafe class LeakingShim
{
    private const string Source = """
        #include <netinet/in.h>
        #include <arpa/inet.h>
        #include <sys/socket.h>
        int leak_listener(void)
        {
            int fd = socket(AF_INET, SOCK_STREAM, 0);
            struct sockaddr_in address = { .sin_family = AF_INET, .sin_port = 0 };
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (fd < 0 || bind(fd, (struct sockaddr *)&address, sizeof address) != 0 || listen(fd, 1) != 0)
                return -1;
            return fd;
        }
        """;

    private static readonly Lazy<nint> s_function = new(Build);

    public static int LeakListener()
    {
        Requirement.Program("the guard's native leak (a C shim compiled at test time)", "`apt-get install gcc libc6-dev`", "cc");
        return ((delegate* unmanaged<int>)s_function.Value)();
    }

    private static nint Build()
    {
        string directory = Directory.CreateTempSubdirectory("cloexec-guard-shim").FullName;
        string source = Path.Combine(directory, "leak.c");
        string library = Path.Combine(directory, "libleak.so");
        File.WriteAllText(source, Source);
        using Process cc = Process.Start(new ProcessStartInfo("cc", ["-shared", "-fPIC", "-o", library, source]) { RedirectStandardError = true })!;
        string errors = cc.StandardError.ReadToEnd();
        cc.WaitForExit();
        if (cc.ExitCode != 0)
        {
            throw new InvalidOperationException("cc failed: " + errors);
        }

        return NativeLibrary.GetExport(NativeLibrary.Load(library), "leak_listener");
    }
}
