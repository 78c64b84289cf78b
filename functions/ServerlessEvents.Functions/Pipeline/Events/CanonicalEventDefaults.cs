using System.Collections.Frozen;
using System.Text.Json;

namespace ServerlessEvents.Functions.Events;

/// <summary>Shared immutable defaults, so events without extensions allocate no dictionary of their own.</summary>
internal static class CanonicalEventDefaults
{
    public static readonly IReadOnlyDictionary<string, JsonElement> NoExtensions =
        FrozenDictionary<string, JsonElement>.Empty;
}
