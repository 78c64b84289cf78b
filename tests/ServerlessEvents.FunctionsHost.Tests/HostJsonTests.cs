using ServerlessEvents.FunctionsHost.Metadata;

namespace ServerlessEvents.FunctionsHost.Tests;

public sealed class HostJsonTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hostjson-").FullName;

    [Fact]
    public void Without_settings_the_extensions_defaults_apply()
    {
        File.WriteAllText(Path.Combine(_directory, "host.json"), """{ "version": "2.0" }""");

        var hostJson = HostJson.Load(_directory);

        Assert.Equal("api", hostJson.RoutePrefix);
        Assert.Equal(16, hostJson.Queues.BatchSize);
        Assert.Equal(5, hostJson.Queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.Zero, hostJson.Queues.VisibilityTimeout);
        Assert.True(hostJson.Queues.MessageEncodingBase64);
    }

    [Fact]
    public void Queue_and_http_settings_are_read_from_extensions()
    {
        File.WriteAllText(Path.Combine(_directory, "host.json"), """
            { "version": "2.0", "extensions": {
                "http": { "routePrefix": "/v1/" },
                "queues": { "batchSize": 2, "maxDequeueCount": 9, "visibilityTimeout": "00:00:03", "maxPollingInterval": "00:00:04", "messageEncoding": "none" } } }
            """);

        var hostJson = HostJson.Load(_directory);

        Assert.Equal("v1", hostJson.RoutePrefix);
        Assert.Equal(2, hostJson.Queues.BatchSize);
        Assert.Equal(9, hostJson.Queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(3), hostJson.Queues.VisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(4), hostJson.Queues.MaxPollingInterval);
        Assert.False(hostJson.Queues.MessageEncodingBase64);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void A_batch_size_the_queue_service_cannot_serve_is_refused_at_load(int batchSize)
    {
        File.WriteAllText(Path.Combine(_directory, "host.json"), $$"""{ "version": "2.0", "extensions": { "queues": { "batchSize": {{batchSize}} } } }""");

        var error = Assert.Throws<InvalidOperationException>(() => HostJson.Load(_directory));

        Assert.Contains("batchSize", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
