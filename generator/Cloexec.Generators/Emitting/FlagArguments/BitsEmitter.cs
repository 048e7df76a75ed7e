using Cloexec.Generators.Model;

namespace Cloexec.Generators.Emitting.FlagArguments;

/// <summary>A flag bit or-ed into an integer argument (Planning/BitsPlanner, WideBitsPlanner).</summary>
internal static class BitsEmitter
{
    public static string Value(FlagArgumentPlan flag, string value, LocalNames locals)
    {
        string flagValue = $"{RuntimeNames.FlagValues}.{flag.FlagValue}";
        string rest = $"{flagValue}, {locals.Mode}, {locals.Atomic}";
        if (flag.Width == FlagValueWidth.Wide64)
        {
            // A C long: or-ed in 64 bits, so that the caller's upper bits pass through.
            return $"unchecked(({flag.ValueType}){RuntimeNames.Runtime}.ApplyFlag(unchecked((long){value}), {rest}))";
        }

        string bits = flag.Width == FlagValueWidth.Int32 ? value : $"unchecked((int){value})";
        if (flag.DontWaitWhileHeld)
        {
            // Under the fork lock the call must not block: it gets MSG_DONTWAIT while the lock is held.
            bits = $"{RuntimeNames.Runtime}.DontWaitWhileHeld({bits}, {locals.ForkLockHeld})";
        }

        return flag.Width == FlagValueWidth.Int32
            ? $"{RuntimeNames.Runtime}.ApplyFlag({bits}, {rest})"
            : $"unchecked(({flag.ValueType}){RuntimeNames.Runtime}.ApplyFlag({bits}, {rest}))";
    }
}
