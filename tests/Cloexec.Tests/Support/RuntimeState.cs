using System;
using Cloexec.Fallback;
using Cloexec.Interop;

namespace Cloexec.Tests;

/// <summary>Puts the process-wide settings a test changed back as they were.</summary>
internal sealed class RuntimeState : IDisposable
{
    private readonly bool _default = CloexecDefault.Value;

    public RuntimeState(bool forceFallback = false) => AtomicWayStates.ResetForTests(forceFallback);

    public void Dispose()
    {
        CloexecDefault.Value = _default;
        CloexecSetter.FailWithErrnoForTests = 0;
        CloexecSetter.RefuseIoctlForTests(false);
        AtomicWayStates.ResetForTests();
    }
}
