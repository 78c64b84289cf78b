using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions;
using ServerlessEvents.Testing;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.IntegrationTests.Webhooks;

public sealed class WebhookSecretStartupTests
{
    [Fact]
    public async Task The_handler_refuses_to_start_without_a_key_encryption_key_and_says_which_settings_to_set()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = ServerlessEventsApp.Create(["--urls", "http://127.0.0.1:0", "--environment", "Development"], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteFixture.AccountKey};TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;",
                ["EventGrid:TopicEndpoint"] = "https://example.invalid/api/events",
                ["EventGrid:TopicKey"] = "unused",
                ["Auth:AdminKey"] = PipelineFixture.AdminKey,
            }));
            await app.StartAsync();
        });

        Assert.Contains("Webhooks__SecretKeyVaultUri", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Webhooks__SecretKeys__<keyId>", ex.Message, StringComparison.Ordinal);
    }
}
