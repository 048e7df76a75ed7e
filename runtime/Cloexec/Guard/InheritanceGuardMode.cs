namespace Cloexec;

/// <summary>What <see cref="ForkLock"/> does about descriptors a child would inherit that nobody made inheritable on purpose.</summary>
public enum InheritanceGuardMode
{
    /// <summary>Nothing is looked at (the default): a start costs what it always did.</summary>
    Off,

    /// <summary>Each start lists them and reports them (<see cref="InheritanceGuard.UnexpectedInheritance"/>, EventSource <c>Cloexec-InheritanceGuard</c>).</summary>
    Report,

    /// <summary>As <see cref="Report"/>, and the start throws <see cref="UnexpectedInheritanceException"/> before it happens.</summary>
    Strict,
}
