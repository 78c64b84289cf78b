using Azure;
using ServerlessEvents.Storage.Queues;
using ServerlessEvents.Storage.Tables;

namespace ServerlessEvents.IntegrationTests.Storage;

public sealed class BearerTokenAuthenticationTests
{
    private const string StorageScope = "https://storage.azure.com/.default";

    [Fact]
    public async Task Table_client_with_a_token_credential_sends_a_bearer_token_for_the_storage_scope()
    {
        await using var server = await LoopbackStorageServer.StartAsync((_, _) => 204);
        var credential = new RecordingTokenCredential("table-token");
        var client = new TableServiceClient(new Uri(server.BaseAddress, "/acct"), credential, new TableClientOptions { Transport = server.Transport() });

        await client.CreateTableIfNotExistsAsync("orders");

        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer table-token", request.Authorization);
        Assert.Equal(("POST", "/acct/Tables"), (request.Method, request.PathAndQuery));
        Assert.Equal("2025-11-05", request.Version);
        Assert.NotEmpty(request.Date);
        Assert.Equal([StorageScope], credential.Scopes.Distinct());
    }

    [Fact]
    public async Task Queue_client_with_a_token_credential_sends_a_bearer_token_for_the_storage_scope()
    {
        await using var server = await LoopbackStorageServer.StartAsync((_, _) => 201);
        var credential = new RecordingTokenCredential("queue-token");
        var queue = new QueueClient(new Uri(server.BaseAddress, "/acct/jobs"), credential, new QueueClientOptions { Transport = server.Transport() });

        await queue.CreateIfNotExistsAsync();

        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer queue-token", request.Authorization);
        Assert.Equal(("PUT", "/acct/jobs"), (request.Method, request.PathAndQuery));
        Assert.Equal([StorageScope], credential.Scopes.Distinct());
    }
}
