namespace ServerlessEvents.Bench;

/// <summary>The end-to-end measurements a run makes.</summary>
public static class EndToEndRuns
{
    /// <summary>Ingest → Event Grid sink receipt.</summary>
    public static async Task<IReadOnlyList<EndToEndResult>> RunAsync(BenchEnvironment environment, string key, BenchSettings settings)
    {
        var toSink = await EndToEndScenario.RunAsync(environment, key, settings.EndToEndEvents, "ingest->event-grid-sink",
            arrived => EndToEndScenario.AttachSink(environment, arrived), "Publish happens on the request's fast path, before the 202.");
        return [toSink];
    }
}
