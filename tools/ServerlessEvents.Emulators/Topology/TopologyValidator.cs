namespace ServerlessEvents.Emulators.Topology;

/// <summary>Checks a topology against Event Grid's limits so a bad file fails here, not at deployment.</summary>
public static class TopologyValidator
{
    /// <summary>Every problem found; empty when the topology is valid.</summary>
    public static IReadOnlyList<string> Validate(TopologyDocument document)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(document.DeadLetterContainerName))
            problems.Add("deadLetterContainerName is required");
        if (document.Handlers.Count == 0)
            problems.Add("handlers must list at least one function");
        foreach (var duplicate in document.Handlers.GroupBy(h => h.FunctionName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add($"function '{duplicate.Key}' is listed more than once");
        foreach (var handler in document.Handlers)
            ValidateHandler(handler, problems);
        return problems;
    }

    private static void ValidateHandler(HandlerSubscription handler, List<string> problems)
    {
        var name = handler.FunctionName;
        if (string.IsNullOrWhiteSpace(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            problems.Add($"functionName '{name}' must be a non-empty function folder name");
        if (handler.MaxEventsPerBatch is < 1 or > 5000)
            problems.Add($"{name}: maxEventsPerBatch must be 1..5000");
        if (handler.RetryPolicy.MaxDeliveryAttempts is < 1 or > 30)
            problems.Add($"{name}: retryPolicy.maxDeliveryAttempts must be 1..30");
        if (handler.RetryPolicy.EventTimeToLiveInMinutes is < 1 or > 1440)
            problems.Add($"{name}: retryPolicy.eventTimeToLiveInMinutes must be 1..1440");
        if (handler.Filter.IncludedEventTypes is { Count: 0 })
            problems.Add($"{name}: filter.includedEventTypes must be absent (all types) or non-empty");
        if (handler.Filter.AdvancedFilters.Count > 25)
            problems.Add($"{name}: at most 25 advanced filters");
        foreach (var filter in handler.Filter.AdvancedFilters)
        {
            if (!AdvancedFilterEvaluator.KnownOperators.Contains(filter.OperatorType))
                problems.Add($"{name}: unknown advanced filter operator '{filter.OperatorType}'");
            if (string.IsNullOrWhiteSpace(filter.Key))
                problems.Add($"{name}: every advanced filter needs a key");
        }
    }
}
