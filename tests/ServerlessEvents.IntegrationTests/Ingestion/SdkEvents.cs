using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;

namespace ServerlessEvents.IntegrationTests.Ingestion;

/// <summary>CloudEvents built and compared with the CNCF SDK: one extension of every attribute type.</summary>
internal static class SdkEvents
{
    public static readonly JsonEventFormatter Formatter = new();
    public static readonly CloudEventAttribute Note = CloudEventAttribute.CreateExtension("note", CloudEventAttributeType.String);
    public static readonly CloudEventAttribute Count = CloudEventAttribute.CreateExtension("count", CloudEventAttributeType.Integer);
    public static readonly CloudEventAttribute Urgent = CloudEventAttribute.CreateExtension("urgent", CloudEventAttributeType.Boolean);
    public static readonly CloudEventAttribute Origin = CloudEventAttribute.CreateExtension("origin", CloudEventAttributeType.Uri);
    public static readonly CloudEventAttribute Related = CloudEventAttribute.CreateExtension("related", CloudEventAttributeType.UriReference);
    public static readonly CloudEventAttribute Due = CloudEventAttribute.CreateExtension("due", CloudEventAttributeType.Timestamp);
    public static readonly CloudEventAttribute Digest = CloudEventAttribute.CreateExtension("digest", CloudEventAttributeType.Binary);
    public static readonly CloudEventAttribute[] Extensions = [Note, Count, Urgent, Origin, Related, Due, Digest];

    /// <summary>A user.created event with every optional attribute and one extension of each attribute type.</summary>
    public static CloudEvent FullEvent(string id, bool withDataContentType = true)
    {
        var e = new CloudEvent(CloudEventsSpecVersion.V1_0, Extensions)
        {
            Id = id,
            Source = new Uri("/tests/sdk?shop=1", UriKind.RelativeOrAbsolute),
            Type = "user.created",
            Subject = "users/" + id,
            Time = new DateTimeOffset(2026, 11, 20, 10, 15, 30, 123, TimeSpan.FromHours(2)),
            DataSchema = new Uri("https://example.com/schemas/user.created.json"),
            DataContentType = withDataContentType ? "application/json" : null,
            Data = JsonSerializer.SerializeToElement(new { userId = "u-" + id, email = "sdk@example.com", displayName = "Zoë Example" }),
        };
        e[Note] = "héllo, wörld % \"quoted\"";
        e[Count] = -2147483648;
        e[Urgent] = true;
        e[Origin] = new Uri("https://example.com/origin/path?x=1");
        e[Related] = new Uri("../related/item#frag", UriKind.Relative);
        e[Due] = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        e[Digest] = new byte[] { 0, 1, 2, 250, 255 };
        return e;
    }

    /// <summary>Every populated attribute of both events, by name, with its type and its canonical string form.</summary>
    private static Dictionary<string, (string Type, string Value)> Attributes(CloudEvent e) =>
        e.GetPopulatedAttributes().ToDictionary(p => p.Key.Name, p => (p.Key.Type.Name, p.Key.Format(p.Value)));

    public static void AssertSameEvent(CloudEvent sent, CloudEvent received)
    {
        var expected = Attributes(sent);
        var actual = Attributes(received);
        foreach (var (name, value) in expected)
        {
            Assert.True(actual.TryGetValue(name, out var got), $"attribute '{name}' was lost");
            Assert.Equal((name, value), (name, got));
        }
        Assert.Empty(actual.Keys.Except(expected.Keys));
        Assert.True(received.IsValid, "the stored event is not a valid CloudEvent");
        Assert.IsType<JsonElement>(received.Data);
        Assert.True(JsonElement.DeepEquals((JsonElement)sent.Data!, (JsonElement)received.Data!), $"data {received.Data} differs from {sent.Data}");
    }
}
