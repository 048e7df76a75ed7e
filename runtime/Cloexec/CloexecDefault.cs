using System;
using System.Threading;

namespace Cloexec;

/// <summary>
/// The ambient default of every <c>cloexec</c> parameter, PEP 433's <c>sys.getdefaultcloexec</c> and
/// <c>sys.setdefaultcloexec</c>, with a scoped override that flows with async code.
/// </summary>
/// <remarks>
/// <see cref="Value"/> starts from the environment variable <c>CLOEXEC_DEFAULT</c> (<c>0</c>, <c>1</c>,
/// <c>false</c>, <c>true</c>), else the AppContext switch <c>Cloexec.DefaultCloexec</c>, else <see langword="true"/>.
/// </remarks>
public static class CloexecDefault
{
    private static volatile bool s_value = CloexecSwitches.InitialDefault;

    // Until the first Override, Current is one volatile read: no AsyncLocal lookup on the hot path.
    private static volatile bool s_anyOverride;
    private static readonly AsyncLocal<OverrideScope?> s_scope = new();

    /// <summary>The process-wide default.</summary>
    public static bool Value
    {
        get => s_value;
        set => s_value = value;
    }

    /// <summary>The default in effect here: the innermost open <see cref="Override"/>, else <see cref="Value"/>.</summary>
    public static bool Current => s_anyOverride && s_scope.Value is { } scope ? scope.Cloexec : s_value;

    /// <summary>
    /// Makes <paramref name="cloexec"/> the default for this thread of execution, async continuations
    /// included, until the returned scope is disposed.
    /// </summary>
    public static IDisposable Override(bool cloexec)
    {
        s_anyOverride = true;
        var scope = new OverrideScope(cloexec, s_scope.Value);
        s_scope.Value = scope;
        return scope;
    }

    private sealed class OverrideScope(bool cloexec, OverrideScope? outer) : IDisposable
    {
        private bool _disposed;

        public bool Cloexec { get; } = cloexec;

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (ReferenceEquals(s_scope.Value, this))
            {
                s_scope.Value = outer;
            }
        }
    }
}
