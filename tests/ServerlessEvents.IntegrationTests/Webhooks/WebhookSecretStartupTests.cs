using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ServerlessEvents.FunctionsHost;
using ServerlessEvents.Testing;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.IntegrationTests.Webhooks;

public sealed class WebhookSecretStartupTests
{
    [Fact]
    public async Task The_worker_refuses_to_start_without_a_key_encryption_key_and_says_which_settings_to_set()
    {
        var output = new ConcurrentQueue<string>();
        var options = new FunctionsHostOptions { AppDirectory = RepositoryPaths.FunctionApp, EnableTimerSchedules = false, EnableQueueTriggers = false };
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteFixture.AccountKey};TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;",
            ["EventGrid__TopicEndpoint"] = "https://example.invalid/api/events",
            ["EventGrid__TopicKey"] = "unused",
            ["Auth__AdminKey"] = PipelineFixture.AdminKey,
        })
        {
            options.AppSettings[key] = value;
        }
        using var logs = LoggerFactory.Create(b => b.AddProvider(new LinesLoggerProvider(output)).SetMinimumLevel(LogLevel.Trace));

        var refused = await Assert.ThrowsAnyAsync<Exception>(async () => await (await FunctionsHost.FunctionsHost.StartAsync(options, logs)).DisposeAsync());

        Assert.Contains("exited", refused.Message, StringComparison.Ordinal);
        var log = string.Join(Environment.NewLine, output);
        Assert.Contains("Webhooks__SecretKeyVaultUri", log, StringComparison.Ordinal);
        Assert.Contains("Webhooks__SecretKeys__<keyId>", log, StringComparison.Ordinal);
    }

    private sealed class LinesLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new LinesLogger(lines);

        public void Dispose()
        {
        }
    }

    private sealed class LinesLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception.Message));
    }
}
