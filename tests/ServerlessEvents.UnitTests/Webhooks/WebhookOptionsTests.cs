using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.UnitTests.Webhooks;

public sealed class WebhookOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddWebhookDelivery(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Defaults_are_the_documented_values()
    {
        var options = new WebhookOptions();
        Assert.False(options.AllowLoopbackTargets);
        Assert.Equal(TimeSpan.FromSeconds(10), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ConnectTimeout);
        Assert.Equal(4096, options.MaxResponseBodyBytes);
        Assert.Equal(0.2, options.JitterFraction);
        Assert.Equal(TimeSpan.FromHours(24), options.SecretRotationOverlap);
        Assert.Equal(TimeSpan.FromDays(5), options.AutoDisableAfter);
        Assert.Equal(7, options.GetRetryDelays().Count);
        Assert.Equal("Webhooks", WebhookOptions.SectionName);
    }

    [Fact]
    public void Settings_bind_from_the_Webhooks_section()
    {
        using var provider = Build(new()
        {
            ["Webhooks:AllowLoopbackTargets"] = "true",
            ["Webhooks:AttemptTimeout"] = "00:00:03",
            ["Webhooks:RetrySchedule"] = "00:00:10,00:01:00",
            ["Webhooks:MaxResponseBodyBytes"] = "128",
        });
        var options = provider.GetRequiredService<IOptions<WebhookOptions>>().Value;
        Assert.True(options.AllowLoopbackTargets);
        Assert.Equal(TimeSpan.FromSeconds(3), options.AttemptTimeout);
        Assert.Equal(128, options.MaxResponseBodyBytes);
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)], provider.GetRequiredService<WebhookRetrySchedule>().Delays);
        Assert.True(provider.GetRequiredService<WebhookTargetPolicy>().AllowLoopback);
        Assert.NotNull(provider.GetRequiredService<WebhookSender>());
    }

    [Theory]
    [InlineData("RetrySchedule", "00:00:05,soon")]
    [InlineData("RetrySchedule", "00:00:00")]
    [InlineData("RetrySchedule", "8.00:00:00")]
    [InlineData("JitterFraction", "0.9")]
    [InlineData("MaxResponseBodyBytes", "-1")]
    [InlineData("AttemptTimeout", "00:10:00")]
    public void Invalid_settings_fail_validation(string key, string value)
    {
        using var provider = Build(new() { [$"Webhooks:{key}"] = value });
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WebhookOptions>>().Value);
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }
}
