using System.Text.Json.Nodes;

namespace ServerlessEvents.Functions.Events;

/// <summary>A stored event as its producer and its readers see it: without the tenant extension the pipeline adds.</summary>
public static class PublicEventJson
{
    /// <summary>The stored CloudEvent JSON without <see cref="CanonicalEvent.TenantExtension"/>.</summary>
    public static JsonObject From(byte[] json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove(CanonicalEvent.TenantExtension);
        return node;
    }
}
