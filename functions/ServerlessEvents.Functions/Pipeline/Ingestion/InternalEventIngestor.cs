using System.Globalization;
using System.Text.Json;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Events;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>
/// Ingests events the pipeline itself raises (<c>system.error</c>, <c>webhook.disabled</c>, <c>webhook.test</c>)
/// through the same validation, de-duplication, storage and outbox as producers' events.
/// </summary>
public class InternalEventIngestor(IngestionService ingestion, EventTypeCatalog catalog, TimeProvider clock)
{
    /// <summary>The source of internal events: <c>/serverlessevents/{component}</c>.</summary>
    public static string SourceFor(string component) => "/serverlessevents/" + component;

    /// <summary>
    /// Ingests one internal event for a tenant. A deterministic <paramref name="id"/> makes repeats duplicates.
    /// Returns the ingestion result; throws if the event does not satisfy the catalog (a defect of ours).
    /// </summary>
    public virtual async Task<IngestResult> IngestAsync(string tenant, string type, string component, string id, object data, string? subject = null, CancellationToken cancellationToken = default)
    {
        var canonical = new CanonicalEvent
        {
            Id = id,
            Source = SourceFor(component),
            Type = type,
            Subject = subject,
            Time = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            DataContentType = "application/json",
            Data = JsonSerializer.SerializeToElement(data, CatalogJson.Options),
        };
        var errors = catalog.Validate(canonical);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Internal event {type} is invalid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        }
        var results = await ingestion.IngestAsync(tenant, [new IncomingEventResult(0, canonical, [], 200)], cancellationToken);
        return results[0];
    }
}
