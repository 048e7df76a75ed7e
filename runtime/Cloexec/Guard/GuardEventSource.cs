using System.Diagnostics.Tracing;

namespace Cloexec;

/// <summary>
/// The guard's reports for tracing tools (<c>dotnet-trace collect --providers Cloexec-InheritanceGuard</c>) and
/// EventListeners: one event per descriptor a start was about to hand on unexpectedly.
/// </summary>
[EventSource(Name = "Cloexec-InheritanceGuard")]
internal sealed class GuardEventSource : EventSource
{
    internal static readonly GuardEventSource Log = new();

    private const int UnexpectedInheritanceEvent = 1;

    [Event(UnexpectedInheritanceEvent, Level = EventLevel.Warning, Message = "Descriptor {0} ({1}) would be inherited by a child process")]
    internal void UnexpectedInheritance(int descriptor, string target) => WriteEvent(UnexpectedInheritanceEvent, descriptor, target);
}
