using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.Publishing;

/// <summary>The Event Grid topic events are published to (section <c>EventGrid</c>).</summary>
public sealed class EventGridOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "EventGrid";

    /// <summary>The topic endpoint, e.g. <c>https://my-topic.westeurope-1.eventgrid.azure.net/api/events</c>. Default: none (publishing is not configured; health reports it).</summary>
    [Url]
    public string? TopicEndpoint { get; set; }

    /// <summary>
    /// The topic access key. Default: none, which selects Microsoft Entra ID auth (the managed identity named by
    /// <see cref="ClientId"/>, or DefaultAzureCredential). Topics deployed by infra/ have local auth off.
    /// </summary>
    public string? TopicKey { get; set; }

    /// <summary>The client id of the user-assigned managed identity to publish with. Default: none.</summary>
    public string? ClientId { get; set; }

    /// <summary>The most bytes of events in one publish request. Default 1,000,000 (Event Grid accepts 1 MB per request).</summary>
    [Range(10_000, 1_048_576)]
    public int MaxBatchBytes { get; set; } = 1_000_000;

    /// <summary>How long one publish may take before it counts as failed, in seconds. Default 10.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;
}
