using System;
using System.Runtime.InteropServices;
using Cloexec.Fallback;

namespace Cloexec.Tests.Peers;

/// <summary>
/// Which way a generated wrapper takes, seen on the path rather than in the result: the runtime's test hook
/// <see cref="CloexecSetter.FailWithErrnoForTests"/> makes the set-after-create step fail with an errno no creating
/// call returns on its own. A creation that goes through that step (the fallback) then fails with it; one made
/// atomically, with the flag in the call itself, never reaches the step and succeeds.
/// </summary>
internal static class TakenPath
{
    private const int ENotRecoverable = 131; // errno.h: nothing here returns it but the hook

    /// <summary>Fails unless <paramref name="create"/>, made once more, takes the fallback exactly when <paramref name="fallback"/> says.</summary>
    public static void Check(bool fallback, Func<Owned, int> create)
    {
        int errno = ErrnoWithTheSetterFailing(create);
        if (fallback)
        {
            Xunit.Assert.True(errno == ENotRecoverable,
                $"with the fallback forced the wrapper never set the flag after creating (errno {errno}, not the hook's {ENotRecoverable})");
        }
        else
        {
            Xunit.Assert.True(errno == 0, $"on the atomic way the wrapper went through the set-after-create step (errno {errno})");
        }
    }

    /// <summary>Fails unless <paramref name="create"/> sets the flag after creating whatever the way: a call with no atomic way.</summary>
    public static void CheckAlwaysSetAfter(Func<Owned, int> create) =>
        Xunit.Assert.True(ErrnoWithTheSetterFailing(create) == ENotRecoverable, "the wrapper did not set the flag after creating");

    private static int ErrnoWithTheSetterFailing(Func<Owned, int> create)
    {
        using var owned = new Owned();
        CloexecSetter.FailWithErrnoForTests = ENotRecoverable;
        try
        {
            _ = create(owned);
            return 0;
        }
        catch (InvalidOperationException)
        {
            return Marshal.GetLastPInvokeError();
        }
        finally
        {
            CloexecSetter.FailWithErrnoForTests = 0;
        }
    }
}
