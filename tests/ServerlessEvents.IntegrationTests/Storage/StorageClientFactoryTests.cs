using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Storage;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.IntegrationTests.Storage;

/// <summary>
/// The clients the app builds from its settings: identity-based settings send bearer tokens for the storage scope to
/// the configured endpoints, <see cref="StorageOptions"/> set the SDK's retries, and queue messages are base64.
/// </summary>
public sealed class StorageClientFactoryTests
{
    private static StorageClientFactory IdentityFactory(LoopbackStorageServer server, RecordingTokenCredential credential, StorageOptions? options = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:tableServiceUri"] = new Uri(server.BaseAddress, "/tables-acct").ToString(),
            ["AzureWebJobsStorage:queueServiceUri"] = new Uri(server.BaseAddress, "/queues-acct").ToString(),
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }).Build();
        var settings = StorageConnectionSettings.Read(configuration, StorageModule.ConnectionName);
        return new StorageClientFactory(settings, Options.Create(options ?? new StorageOptions { RetryDelayMilliseconds = 1 }), credential,
            clientOptions => clientOptions.Transport = server.Transport());
    }

    [Fact]
    public async Task Identity_based_settings_send_bearer_tokens_for_the_storage_scope_to_each_service_uri()
    {
        await using var server = await LoopbackStorageServer.StartAsync((context, _) => context.Request.Method == "POST" ? 201 : 204);
        var credential = new RecordingTokenCredential("token-from-the-managed-identity");
        var factory = IdentityFactory(server, credential);

        await factory.CreateTableServiceClient().CreateTableIfNotExistsAsync("orders");
        await factory.CreateQueueServiceClient().GetQueueClient("jobs").CreateIfNotExistsAsync();

        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.StartsWith("/tables-acct/Tables", requests[0].PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/queues-acct/jobs", requests[1].PathAndQuery, StringComparison.Ordinal);
        Assert.All(requests, r => Assert.Equal("Bearer token-from-the-managed-identity", r.Authorization));
        Assert.All(credential.Scopes, scope => Assert.Equal("https://storage.azure.com/.default", scope));
        Assert.NotEmpty(credential.Scopes);
    }

    [Fact]
    public async Task Transient_503_responses_are_retried_until_success()
    {
        await using var server = await LoopbackStorageServer.StartAsync((_, n) => n <= 2 ? 503 : 204);
        var factory = IdentityFactory(server, new RecordingTokenCredential("t"));

        var response = await factory.CreateTableServiceClient().CreateTableIfNotExistsAsync("orders");

        Assert.Equal(204, response.GetRawResponse().Status);
        Assert.Equal(3, server.Requests.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Persistent_503_fails_with_RequestFailedException_after_the_configured_retries(int maxRetries)
    {
        await using var server = await LoopbackStorageServer.StartAsync((_, _) => 503);
        var factory = IdentityFactory(server, new RecordingTokenCredential("t"), new StorageOptions { MaxRetries = maxRetries, RetryDelayMilliseconds = 1, MaxRetryDelayMilliseconds = 5 });

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => factory.CreateTableServiceClient().CreateTableIfNotExistsAsync("orders"));

        Assert.Equal(503, ex.Status);
        Assert.Equal(1 + maxRetries, server.Requests.Count);
    }

    [Fact]
    public async Task Queue_messages_are_base64_on_the_wire_as_the_functions_queue_trigger_decodes_them()
    {
        var azurite = new AzuriteFixture();
        await azurite.StartAsync();
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString }).Build();
            var factory = new StorageClientFactory(StorageConnectionSettings.Read(configuration, StorageModule.ConnectionName), Options.Create(new StorageOptions()));
            var name = azurite.UniqueName("q");
            var queue = factory.CreateQueueServiceClient().GetQueueClient(name);
            await queue.CreateAsync();

            await queue.SendMessageAsync("{\"chunk\":1,\"text\":\"é<&>\"}");

            var raw = new QueueClient(azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
            var peeked = (await raw.PeekMessageAsync()).Value;
            Assert.Equal("{\"chunk\":1,\"text\":\"é<&>\"}", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(peeked.Body.ToString())));
            Assert.Equal("{\"chunk\":1,\"text\":\"é<&>\"}", (await queue.PeekMessageAsync()).Value.Body.ToString());
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }
}
