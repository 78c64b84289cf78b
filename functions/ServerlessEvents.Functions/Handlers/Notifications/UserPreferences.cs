using System.Text.Json.Nodes;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>
/// One user's choices: for a notification type and channel, false means "don't"; anything not listed is allowed.
/// </summary>
public sealed class UserPreferences(IReadOnlyDictionary<string, IReadOnlyDictionary<string, bool>> choices)
{
    /// <summary>No choices: everything allowed.</summary>
    public static UserPreferences AllowAll { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, bool>>());

    /// <summary>The stored choices.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, bool>> Choices { get; } = choices;

    /// <summary>True unless the user refused the channel for the type.</summary>
    public bool Allows(string type, string channel) =>
        !Choices.TryGetValue(type, out var channels) || !channels.TryGetValue(channel, out var allowed) || allowed;

    /// <summary>The effective value of every known type and channel, as the API returns it.</summary>
    public JsonObject ToJson(NotificationTypes types)
    {
        var result = new JsonObject();
        foreach (var type in types.All)
        {
            var channels = new JsonObject();
            foreach (var channel in NotificationChannels.All)
            {
                channels[channel] = Allows(type, channel);
            }
            result[type] = channels;
        }
        return result;
    }

    /// <summary>The stored form: only the explicit choices.</summary>
    public string Serialize() =>
        new JsonObject(Choices.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)new JsonObject(t.Value.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))))))
            .ToJsonString();

    /// <summary>Reads the stored form (unknown types or channels from older versions are kept but harmless).</summary>
    public static UserPreferences Deserialize(string? json)
    {
        if (string.IsNullOrEmpty(json) || JsonNode.Parse(json) is not JsonObject root)
        {
            return AllowAll;
        }
        var choices = new Dictionary<string, IReadOnlyDictionary<string, bool>>(StringComparer.Ordinal);
        foreach (var (type, node) in root)
        {
            if (node is JsonObject channels)
            {
                choices[type] = channels.Where(c => c.Value is JsonValue v && v.TryGetValue<bool>(out _))
                    .ToDictionary(c => c.Key, c => c.Value!.GetValue<bool>(), StringComparer.Ordinal);
            }
        }
        return new UserPreferences(choices);
    }
}
