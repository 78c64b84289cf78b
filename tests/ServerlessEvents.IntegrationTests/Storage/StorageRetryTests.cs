using Azure;
using ServerlessEvents.Storage.Tables;

namespace ServerlessEvents.IntegrationTests.Storage;

public sealed class StorageRetryTests
{
    [Fact]
    public async Task Transient_503_responses_are_retried_until_success()
    {
        await using var server = await LoopbackStorageServer.StartAsync((_, n) => n <= 2 ? 503 : 204);
        var client = new TableServiceClient(new Uri(server.BaseAddress, "/acct"), new RecordingTokenCredential("t"), new TableClientOptions { Transport = server.Transport() });

        var response = await client.CreateTableIfNotExistsAsync("orders");

        Assert.Equal(204, response.GetRawResponse().Status);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Persistent_503_fails_with_RequestFailedException_after_the_configured_retries()
    {
        await using var server = await LoopbackStorageServer.StartAsync((_, _) => 503);
        var client = new TableServiceClient(new Uri(server.BaseAddress, "/acct"), new RecordingTokenCredential("t"), new TableClientOptions { Transport = server.Transport() });

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => client.CreateTableIfNotExistsAsync("orders"));

        Assert.Equal(503, ex.Status);
        Assert.Equal("ServerBusy", ex.ErrorCode);
        Assert.Equal(1 + 3, server.Requests.Count);
    }
}
