using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Realtime;

namespace ServerlessEvents.UnitTests.Realtime;

public sealed class RealtimeConnectionTests
{
    private static RealtimeConnection From(Dictionary<string, string?> settings) =>
        RealtimeConnection.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Options.Create(new RealtimeOptions()));

    [Fact]
    public void Nothing_set_means_not_configured_and_the_client_says_so()
    {
        var connection = From(new() { ["AzureSignalRConnectionString"] = "" });

        Assert.False(connection.IsConfigured);
        Assert.Throws<DependencyUnavailableException>(() => connection.Client);
    }

    [Fact]
    public void A_connection_string_configures_an_access_key_client_for_the_events_hub()
    {
        var connection = From(new() { ["AzureSignalRConnectionString"] = "Endpoint=http://127.0.0.1;Port=8999;AccessKey=k;Version=1.0;" });

        Assert.True(connection.IsConfigured);
        Assert.Equal(new Uri("http://127.0.0.1:8999"), connection.Client.Endpoint);
        Assert.Equal("http://127.0.0.1:8999/client/?hub=events", connection.Client.ClientUrl.ToString());
    }

    [Fact]
    public void A_service_uri_configures_an_entra_client()
    {
        var connection = From(new()
        {
            ["AzureSignalRConnectionString:serviceUri"] = "https://sigr-x.service.signalr.net",
            ["AzureSignalRConnectionString:credential"] = "managedidentity",
            ["AzureSignalRConnectionString:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.True(connection.IsConfigured);
        Assert.Equal("https://sigr-x.service.signalr.net/client/?hub=events", connection.Client.ClientUrl.ToString());
    }

    [Theory]
    [InlineData("AzureSignalRConnectionString", "Endpoint=http://x;Version=1.0;")]
    [InlineData("AzureSignalRConnectionString:serviceUri", "not a url")]
    public void Malformed_settings_fail_at_start(string key, string value)
    {
        Assert.Throws<InvalidOperationException>(() => From(new() { [key] = value }));
    }

    [Fact]
    public void An_unknown_credential_kind_fails_at_start()
    {
        Assert.Throws<InvalidOperationException>(() => From(new()
        {
            ["AzureSignalRConnectionString:serviceUri"] = "https://sigr-x.service.signalr.net",
            ["AzureSignalRConnectionString:credential"] = "password",
        }));
    }
}
