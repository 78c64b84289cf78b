namespace ServerlessEvents.Functions.Subscribers;

/// <summary>Told the outcome of every subscriber invocation (metrics count them).</summary>
public interface ISubscriberObserver
{
    /// <summary>Records one invocation: outcome is <c>succeeded</c>, <c>failed</c> (retried) or <c>rejected</c> (permanent).</summary>
    Task OnInvocationAsync(string handler, string? tenant, string outcome, CancellationToken cancellationToken);
}
