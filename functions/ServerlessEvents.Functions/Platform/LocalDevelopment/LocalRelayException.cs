namespace ServerlessEvents.Functions.LocalDevelopment;

/// <summary>Thrown when the local relay could not deliver an event to every matching handler.</summary>
public sealed class LocalRelayException : Exception
{
    /// <summary>Creates the exception from one line per failed delivery.</summary>
    public LocalRelayException(IReadOnlyList<string> failures)
        : base("The local Event Grid relay could not deliver: " + string.Join("; ", failures)) => Failures = failures;

    /// <summary>One entry per failed delivery: function, event id and what went wrong.</summary>
    public IReadOnlyList<string> Failures { get; }
}
