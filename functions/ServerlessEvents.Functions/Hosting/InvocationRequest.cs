using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>The payload the Functions host posts to <c>/{FunctionName}</c>: <c>{ "Data": {...}, "Metadata": {...} }</c>.</summary>
public sealed class InvocationRequest
{
    /// <summary>One entry per input binding, keyed by binding name.</summary>
    [JsonPropertyName("Data")]
    public Dictionary<string, JsonElement> Data { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The trigger's binding data (DequeueCount, Id, sys, ...).</summary>
    [JsonPropertyName("Metadata")]
    public Dictionary<string, JsonElement> Metadata { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An input as plain text (decoded from the host's double encoding), or null when absent.</summary>
    public string? InputText(string bindingName) =>
        Data.TryGetValue(bindingName, out var value) ? HostValueDecoder.AsText(value) : null;

    /// <summary>An input as JSON (an object, or JSON text inside a string), or null when absent or not JSON.</summary>
    public JsonElement? InputJson(string bindingName) =>
        Data.TryGetValue(bindingName, out var value) ? HostValueDecoder.AsJson(value) : null;

    /// <summary>A metadata value as plain text, e.g. <c>DequeueCount</c> arriving as <c>"1"</c>.</summary>
    public string? MetadataText(string key) =>
        Metadata.TryGetValue(key, out var value) ? HostValueDecoder.AsText(value) : null;

    /// <summary>A numeric metadata value such as <c>DequeueCount</c>, or null.</summary>
    public long? MetadataInt64(string key) =>
        long.TryParse(MetadataText(key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
