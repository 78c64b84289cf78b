namespace ServerlessEvents.IntegrationTests.Reliability;

/// <summary>One malformed request of the corpus: what it is, and how to build it (a fresh message per send).</summary>
public sealed record BadInput(string Name, Func<HttpRequestMessage> Build);
