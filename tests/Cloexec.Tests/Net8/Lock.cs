namespace System.Threading;

/// <summary>
/// .NET 9's lock type, for the net8 run only (the csproj compiles this folder only then). The C# compiler turns
/// <c>lock</c> on any type of this name into <see cref="EnterScope"/>; here that is a Monitor lock on a private
/// object, which is all the tests ask of it.
/// </summary>
internal sealed class Lock
{
    private readonly object _monitor = new();

    public Scope EnterScope()
    {
        Monitor.Enter(_monitor);
        return new Scope(_monitor);
    }

    public readonly ref struct Scope(object monitor)
    {
        public void Dispose() => Monitor.Exit(monitor);
    }
}
