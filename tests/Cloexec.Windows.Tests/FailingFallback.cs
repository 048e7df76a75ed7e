using System;

namespace Cloexec.Windows.Tests;

/// <summary>
/// Until disposed, every attempt to change a handle's inheritance after creation fails with ERROR_ACCESS_DENIED, and,
/// when asked, every call takes the fallback path: the failure path of a wrapper, driven on real handles.
/// </summary>
internal sealed class FailingFallback : IDisposable
{
    /// <summary>winerror.h ERROR_ACCESS_DENIED: what the failing SetHandleInformation reports.</summary>
    public const int ErrorAccessDenied = 5;

    private readonly bool _forced;

    public FailingFallback(bool forceFallback = false)
    {
        _forced = forceFallback;
        if (forceFallback)
        {
            Interop.AtomicWayStates.ResetForTests(forceFallback: true);
        }

        Fallback.CloexecSetter.FailWithErrnoForTests = ErrorAccessDenied;
    }

    public void Dispose()
    {
        Fallback.CloexecSetter.FailWithErrnoForTests = 0;
        if (_forced)
        {
            Interop.AtomicWayStates.ResetForTests();
        }
    }
}
