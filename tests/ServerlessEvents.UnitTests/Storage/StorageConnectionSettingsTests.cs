using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.UnitTests.Storage;

public sealed class StorageConnectionSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static StorageClientFactory Factory(StorageConnectionSettings settings) => new(settings, Options.Create(new StorageOptions()), new FixedCredential());

    [Fact]
    public void A_connection_string_builds_shared_key_clients_for_azurite()
    {
        var settings = StorageConnectionSettings.Read(Config(("AzureWebJobsStorage", "UseDevelopmentStorage=true")), "AzureWebJobsStorage");

        Assert.True(settings.UsesConnectionString);
        Assert.Equal("devstoreaccount1", Factory(settings).CreateTableServiceClient().AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), Factory(settings).CreateQueueServiceClient().Uri);
    }

    [Fact]
    public void The_ConnectionStrings_section_is_also_consulted()
    {
        var settings = StorageConnectionSettings.Read(Config(("ConnectionStrings:S", "UseDevelopmentStorage=true")), "S");

        Assert.True(settings.UsesConnectionString);
    }

    [Fact]
    public void Service_uris_as_infra_sets_them_select_identity_based_clients_for_each_endpoint()
    {
        var config = Config(
            ("AzureWebJobsStorage:tableServiceUri", "https://acct.table.core.windows.net/"),
            ("AzureWebJobsStorage:queueServiceUri", "https://acct.queue.core.windows.net/"),
            ("AzureWebJobsStorage:blobServiceUri", "https://acct.blob.core.windows.net/"),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001"));

        var settings = StorageConnectionSettings.Read(config, "AzureWebJobsStorage");

        Assert.False(settings.UsesConnectionString);
        Assert.Equal("acct", Factory(settings).CreateTableServiceClient().AccountName);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net/"), Factory(settings).CreateQueueServiceClient().Uri);
        Assert.Equal("00000000-0000-0000-0000-000000000001", settings.ClientId);
    }

    [Fact]
    public void An_account_name_derives_both_service_uris()
    {
        var settings = StorageConnectionSettings.Read(Config(("S:accountName", "acct"), ("S:credential", "managedidentity")), "S");

        Assert.Equal(new Uri("https://acct.table.core.windows.net"), settings.TableServiceUri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), settings.QueueServiceUri);
    }

    [Fact]
    public void A_service_uri_alone_is_used_for_either_service()
    {
        var settings = StorageConnectionSettings.Read(Config(("S:serviceUri", "https://acct.queue.core.windows.net")), "S");

        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), settings.TableServiceUri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), settings.QueueServiceUri);
    }

    [Fact]
    public void Missing_configuration_names_every_setting_looked_for()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageConnectionSettings.Read(Config(), "AzureWebJobsStorage"));

        foreach (var setting in new[] { "'AzureWebJobsStorage'", "AzureWebJobsStorage__tableServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential" })
        {
            Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_table_uri_without_a_queue_uri_is_refused_at_start_because_the_app_needs_both()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageConnectionSettings.Read(Config(("S:tableServiceUri", "https://a.table.core.windows.net")), "S"));

        Assert.Contains("S__queueServiceUri", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unparsable_connection_string_is_refused_without_echoing_the_key()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageConnectionSettings.Read(Config(("S", "AccountKey=c2VjcmV0LWtleQ==;Nonsense")), "S"));

        Assert.Contains("'S'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0LWtleQ", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.InnerException);
    }

    [Fact]
    public void An_unknown_credential_kind_is_refused_at_start_with_the_setting_name()
    {
        var config = Config(("S:tableServiceUri", "https://a.table.core.windows.net"), ("S:queueServiceUri", "https://a.queue.core.windows.net"), ("S:credential", "password"));

        var ex = Assert.Throws<InvalidOperationException>(() => StorageConnectionSettings.Read(config, "S"));

        Assert.Contains("S__credential", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_setting_that_is_not_a_uri_is_refused_with_its_name()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageConnectionSettings.Read(Config(("S:tableServiceUri", "not a uri")), "S"));

        Assert.Contains("S__tableServiceUri", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_never_contains_the_connection_string()
    {
        const string connection = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0LWtleQ==;EndpointSuffix=core.windows.net";

        var settings = StorageConnectionSettings.Read(Config(("S", connection)), "S");

        Assert.DoesNotContain("c2VjcmV0LWtleQ", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_options_set_the_sdk_retry_policy()
    {
        var options = new StorageOptions { MaxRetries = 5, RetryMode = RetryMode.Fixed, RetryDelayMilliseconds = 300, MaxRetryDelayMilliseconds = 4000, NetworkTimeoutSeconds = 12 }
            .Apply(new Azure.Data.Tables.TableClientOptions());

        Assert.Equal(5, options.Retry.MaxRetries);
        Assert.Equal(RetryMode.Fixed, options.Retry.Mode);
        Assert.Equal(TimeSpan.FromMilliseconds(300), options.Retry.Delay);
        Assert.Equal(TimeSpan.FromSeconds(4), options.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(12), options.Retry.NetworkTimeout);
    }

    [Theory]
    [InlineData("Storage:MaxRetries", "-1")]
    [InlineData("Storage:MaxRetries", "11")]
    [InlineData("Storage:NetworkTimeoutSeconds", "0")]
    [InlineData("Storage:RetryDelayMilliseconds", "0")]
    public void Out_of_range_storage_options_fail_validation(string key, string value)
    {
        var config = Config(("AzureWebJobsStorage", "UseDevelopmentStorage=true"), (key, value));
        using var provider = new ServiceCollection().AddEventStorage(config).AddLogging().BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(key.Split(':')[1], ex.Message, StringComparison.Ordinal);
    }

    private sealed class FixedCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("t", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
