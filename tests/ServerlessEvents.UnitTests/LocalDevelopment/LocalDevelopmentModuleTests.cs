using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.LocalDevelopment;

namespace ServerlessEvents.UnitTests.LocalDevelopment;

public sealed class LocalDevelopmentModuleTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddLocalDevelopment(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public void Local_mode_is_off_by_default_with_the_documented_defaults()
    {
        using var host = Build([]);
        var options = host.Services.GetRequiredService<IOptions<LocalDevelopmentOptions>>().Value;
        Assert.False(options.Enabled);
        Assert.Equal("http://localhost:7071", options.FunctionsHostUrl);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
        Assert.NotNull(host.Services.GetRequiredService<LocalRelayPublisher>());
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is LocalCapabilityReport);
    }

    [Theory]
    [InlineData("WEBSITE_INSTANCE_ID")]
    [InlineData("WEBSITE_SITE_NAME")]
    public async Task Start_up_refuses_local_mode_in_azure(string marker)
    {
        using var host = Build(new() { ["LocalDevelopment:Enabled"] = "true", [marker] = "some-value" });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(marker, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_accepts_local_mode_off_azure_and_local_mode_off_in_azure()
    {
        using (var local = Build(new() { ["LocalDevelopment:Enabled"] = "true" }))
        {
            await local.StartAsync();
            await local.StopAsync();
        }
        using (var container = Build(new() { ["LocalDevelopment:Enabled"] = "true", ["CONTAINER_NAME"] = "a-dev-container" }))
        {
            await container.StartAsync();
            await container.StopAsync();
        }
        using var azure = Build(new() { ["WEBSITE_SITE_NAME"] = "func-x" });
        await azure.StartAsync();
        await azure.StopAsync();
    }

    [Theory]
    [InlineData("localhost:7071")]
    [InlineData("ftp://localhost")]
    public async Task Start_up_rejects_a_relay_target_that_is_not_an_http_url(string url)
    {
        using var host = Build(new() { ["LocalDevelopment:Enabled"] = "true", ["LocalDevelopment:FunctionsHostUrl"] = url });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("FunctionsHostUrl", error.Message, StringComparison.Ordinal);
    }
}
