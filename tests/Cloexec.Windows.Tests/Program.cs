using System;
using System.Threading.Tasks;

namespace Cloexec.Windows.Tests;

/// <summary>Either the test run, or (with <c>--prove-each</c>) the child process the inheritance tests start.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == ChildProcess.ProveEachCommand)
        {
            return ChildProcess.Run(args.AsSpan(1));
        }

        return await Xunit.Runner.InProc.SystemConsole.ConsoleRunner.Run(args).ConfigureAwait(false);
    }
}
