namespace ServerlessEvents.IntegrationTests.Webhooks;

/// <summary>One request as a loopback receiver saw it.</summary>
internal sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
