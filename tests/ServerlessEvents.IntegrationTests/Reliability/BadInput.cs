namespace ServerlessEvents.IntegrationTests.Reliability;

/// <summary>
/// One malformed request of the corpus: what it is, how to build it (a fresh message per send), and whether an
/// endpoint that reads a body must refuse it (never 2xx) whatever its route.
/// </summary>
public sealed record BadInput(string Name, Func<HttpRequestMessage> Build, bool MustReject = false);
