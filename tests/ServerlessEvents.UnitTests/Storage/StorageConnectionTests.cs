using Azure.Identity;
using Microsoft.Extensions.Configuration;
using ServerlessEvents.Storage;

namespace ServerlessEvents.UnitTests.Storage;

public sealed class StorageConnectionTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Connection_string_setting_selects_shared_key()
    {
        var connection = StorageConnection.FromConfiguration(Config(("Storage", "UseDevelopmentStorage=true")), "Storage");

        Assert.True(connection.UsesSharedKey);
        Assert.Equal("devstoreaccount1", connection.CreateTableServiceClient().AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), connection.CreateQueueServiceClient().Uri);
    }

    [Fact]
    public void ConnectionStrings_section_is_also_consulted()
    {
        var connection = StorageConnection.FromConfiguration(Config(("ConnectionStrings:Storage", "UseDevelopmentStorage=true")), "Storage");

        Assert.True(connection.UsesSharedKey);
    }

    [Fact]
    public void Service_uris_select_token_authentication_with_the_override_credential()
    {
        var config = Config(("Storage:tableServiceUri", "https://acct.table.core.windows.net"), ("Storage:queueServiceUri", "https://acct.queue.core.windows.net"));

        var connection = StorageConnection.FromConfiguration(config, "Storage", new EnvironmentCredential());

        Assert.False(connection.UsesSharedKey);
        Assert.Equal("acct", connection.CreateTableServiceClient().AccountName);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), connection.CreateQueueServiceClient().Uri);
    }

    [Fact]
    public void Account_name_derives_both_service_uris()
    {
        var connection = StorageConnection.FromConfiguration(Config(("Storage:accountName", "acct"), ("Storage:credential", "managedidentity"), ("Storage:clientId", "00000000-0000-0000-0000-000000000001")), "Storage");

        Assert.Equal(new Uri("https://acct.table.core.windows.net"), connection.TableServiceUri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), connection.QueueServiceUri);
    }

    [Fact]
    public void Service_uri_alone_is_used_for_either_service()
    {
        var connection = StorageConnection.FromConfiguration(Config(("Storage:serviceUri", "https://acct.queue.core.windows.net")), "Storage", new EnvironmentCredential());

        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), connection.CreateQueueServiceClient().Uri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), connection.TableServiceUri);
    }

    [Fact]
    public void Missing_configuration_names_every_setting_looked_for()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(Config(), "AzureWebJobsStorage"));

        Assert.Contains("'AzureWebJobsStorage'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__tableServiceUri", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__queueServiceUri", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__accountName", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_connection_string_is_reported_without_the_key()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(Config(("S", "AccountKey=c2VjcmV0")), "S"));

        Assert.Contains("AccountName", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_credential_kind_is_rejected()
    {
        var config = Config(("S:tableServiceUri", "https://a.table.core.windows.net"), ("S:credential", "password"));

        var ex = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(config, "S"));

        Assert.Contains("S__credential", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_uri_service_setting_is_rejected_with_its_name()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(Config(("S:tableServiceUri", "not a uri")), "S"));

        Assert.Contains("S__tableServiceUri", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_settings_without_a_queue_uri_report_the_missing_setting_when_a_queue_client_is_requested()
    {
        var connection = StorageConnection.FromConfiguration(Config(("S:tableServiceUri", "https://a.table.core.windows.net")), "S");

        var ex = Assert.Throws<InvalidOperationException>(() => connection.CreateQueueServiceClient());

        Assert.False(connection.UsesSharedKey);
        Assert.Contains("S__queueServiceUri", ex.Message, StringComparison.Ordinal);
    }
}
