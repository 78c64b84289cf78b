using ServerlessEvents.Functions.Realtime;

namespace ServerlessEvents.UnitTests.Realtime;

public sealed class SignalRConnectionStringTests
{
    [Fact]
    public void Reads_endpoint_port_and_key_of_an_emulator_style_string()
    {
        var parsed = SignalRConnectionString.Parse("Endpoint=http://127.0.0.1;Port=8888;AccessKey=secret-key;Version=1.0;");

        Assert.Equal(new Uri("http://127.0.0.1:8888"), parsed.Endpoint);
        Assert.Equal(parsed.Endpoint, parsed.ClientEndpoint);
        Assert.Equal("secret-key", parsed.AccessKey);
        Assert.DoesNotContain("secret-key", parsed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_service_string_with_a_client_endpoint_case_insensitively()
    {
        var parsed = SignalRConnectionString.Parse("endpoint=https://x.service.signalr.net/;accesskey=k=with=equals;clientendpoint=https://edge.example.com");

        Assert.Equal("https://x.service.signalr.net/", parsed.Endpoint.ToString());
        Assert.Equal("https://edge.example.com/", parsed.ClientEndpoint.ToString());
        Assert.Equal("k=with=equals", parsed.AccessKey);
    }

    [Theory]
    [InlineData("Endpoint=https://x.service.signalr.net;Version=1.0;", "no AccessKey")]
    [InlineData("AccessKey=k;Version=1.0;", "no Endpoint")]
    [InlineData("Endpoint=ftp://x;AccessKey=k;", "not an absolute http(s) URL")]
    [InlineData("Endpoint=http://x;Port=http;AccessKey=k;", "Port")]
    [InlineData("Endpoint=http://x;AccessKey=k;Version=2.0;", "Version=2.0")]
    [InlineData("Endpoint=http://x;AccessKey", "without 'name=value'")]
    public void Malformed_strings_say_what_is_wrong_without_the_key(string connectionString, string reason)
    {
        var failure = Assert.Throws<FormatException>(() => SignalRConnectionString.Parse(connectionString));

        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AccessKey=k", failure.Message, StringComparison.Ordinal);
    }
}
