using System.Collections.Generic;
using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Planning;

/// <summary>
/// The variadic C functions the generator knows. On Apple arm64 variadic arguments go on the stack, after the argument
/// registers, while a P/Invoke puts every argument in registers: a declaration that passes one is warned of
/// (CLOEXEC0100), and a sibling the wrapper calls itself is laid out for both conventions.
/// </summary>
internal static class VariadicFunctions
{
    /// <summary>The integer argument registers of the C convention where variadic arguments go on the stack (Apple arm64: x0-x7).</summary>
    private const int ArgumentRegisters = 8;

    /// <summary>The number of fixed arguments before the "...".</summary>
    private static readonly Dictionary<string, int> s_fixedArguments = new()
    {
        ["open"] = 2,    // open(const char* path, int flags, ...)
        ["openat"] = 3,  // openat(int dirfd, const char* path, int flags, ...)
        ["fcntl"] = 2,   // fcntl(int fd, int cmd, ...)
        ["ioctl"] = 2,   // ioctl(int fd, unsigned long request, ...)
    };

    /// <summary>
    /// How a call of <paramref name="entryPoint"/> with <paramref name="argumentCount"/> arguments is laid out, or
    /// <see langword="null"/> when none of them is variadic; glibc's large-file names (<c>open64</c>) are their function's.
    /// </summary>
    public static VariadicLayout? LayoutOf(string entryPoint, int argumentCount)
    {
        string name = entryPoint.EndsWith("64", System.StringComparison.Ordinal) ? entryPoint.Substring(0, entryPoint.Length - 2) : entryPoint;
        return s_fixedArguments.TryGetValue(name, out int count) && count < argumentCount && count <= ArgumentRegisters
            ? new VariadicLayout(count, ArgumentRegisters - count)
            : null;
    }

    /// <summary>Warns where the declaration itself passes a variadic argument and may run on Apple arm64.</summary>
    public static void Check(PlanContext context, Knowledge.NativePlatform platform)
    {
        if (platform != Knowledge.NativePlatform.Unix
            || !s_fixedArguments.TryGetValue(context.EntryPoint, out int fixedCount)
            || context.NativeParameters.Count <= fixedCount
            || !context.Request.MayRunOnApple)
        {
            return;
        }

        ParameterFacts variadic = context.NativeParameters[fixedCount];
        context.Report(DiagnosticDescriptors.VariadicArgumentOnAppleArm64, variadic.Location, context.EntryPoint, variadic.Name, context.MethodName);
    }
}
