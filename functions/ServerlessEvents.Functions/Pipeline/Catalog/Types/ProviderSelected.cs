using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>provider.selected</c>: a provider was chosen for a capability (e.g. an LLM for summarising).</summary>
[EventType("provider.selected", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ProviderSelected(string ProviderId, string Capability, string Reason, IReadOnlyList<string>? Alternatives = null);
