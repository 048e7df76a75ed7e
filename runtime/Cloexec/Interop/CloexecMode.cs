using System.ComponentModel;

namespace Cloexec.Interop;

/// <summary>What a wrapper call does with the close-on-exec flag.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum CloexecMode
{
    /// <summary>The default is off and the caller said nothing: the caller's flags go through untouched.</summary>
    PassThrough,
    /// <summary>The new descriptors are close-on-exec.</summary>
    Set,
    /// <summary>The new descriptors are inheritable: the flag is removed from the caller's flags.</summary>
    Clear,
}
