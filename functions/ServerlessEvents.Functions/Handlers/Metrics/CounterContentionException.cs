namespace ServerlessEvents.Functions.Metrics;

/// <summary>A counter update lost every optimistic-concurrency race; the caller fails (and is retried) rather than losing the count.</summary>
public sealed class CounterContentionException(string partition, int attempts)
    : Exception($"Counters in partition '{partition}' stayed contended for {attempts} attempts.");
