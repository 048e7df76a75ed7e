namespace Cloexec.Audit.Judging;

/// <summary>What a call to a descriptor creator does about close-on-exec.</summary>
public enum Verdict
{
    /// <summary>The descriptor is created close-on-exec (a constant with the bit, a call that always sets it).</summary>
    Safe,
    /// <summary>The descriptor is created inheritable: a constant without the bit, or a creator that has no flag.</summary>
    Leaks,
    /// <summary>The flag comes from a parameter: whoever calls the method decides.</summary>
    CallersChoice,
    /// <summary>The flag is computed in a way the audit does not follow (a field, a local written twice...).</summary>
    Undetermined,
    /// <summary>
    /// The call states inheritance in an argument (<c>bInheritHandle</c> TRUE): inheritable by the code's own choice,
    /// as <c>cloexec: false</c> would be, for a child that is meant to get the handle. Not a leak.
    /// </summary>
    InheritableOnPurpose,
}
