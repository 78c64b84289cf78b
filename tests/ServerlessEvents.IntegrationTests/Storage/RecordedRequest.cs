namespace ServerlessEvents.IntegrationTests.Storage;

/// <summary>What <see cref="LoopbackStorageServer"/> saw of one request.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, string Authorization, string Version, string Date);
