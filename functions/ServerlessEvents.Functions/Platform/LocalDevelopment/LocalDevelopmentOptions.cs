using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.LocalDevelopment;

/// <summary>
/// Local mode: publish events to the local Functions host's Event Grid webhook instead of an Event Grid topic.
/// Off by default; refused at start-up when the app runs in Azure.
/// </summary>
public sealed class LocalDevelopmentOptions
{
    /// <summary>Configuration section; app settings use <c>LocalDevelopment__{Property}</c>.</summary>
    public const string SectionName = "LocalDevelopment";

    /// <summary>Publish through <see cref="LocalRelayPublisher"/>. Default <c>false</c>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The local Functions host (Core Tools). Default <c>http://localhost:7071</c>.</summary>
    [Required]
    public string FunctionsHostUrl { get; set; } = "http://localhost:7071";

    /// <summary>How long one relay POST may take before it counts as failed. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
