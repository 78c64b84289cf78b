using System.Text.Json;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// One exact-match condition of a subscription filter: the value at <see cref="Path"/> (dot-separated, from the
/// CloudEvent's root, e.g. <c>subject</c> or <c>data.currency</c>) must equal <see cref="EqualTo"/> (JSON equality,
/// so <c>1</c> equals <c>1.0</c>). A missing path never matches.
/// </summary>
/// <param name="Path">The dot-separated path.</param>
/// <param name="EqualTo">The expected JSON value: a string, number, boolean or null.</param>
public sealed record WebhookFilterCondition(string Path, JsonElement EqualTo)
{
    /// <summary>Whether the event (its JSON root) satisfies the condition.</summary>
    public bool IsMetBy(JsonElement root)
    {
        var current = root;
        foreach (var segment in Path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return false;
            }
        }
        return JsonElement.DeepEquals(current, EqualTo);
    }
}
