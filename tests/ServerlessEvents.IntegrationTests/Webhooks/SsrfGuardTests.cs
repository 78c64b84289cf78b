using System.Net;
using Microsoft.AspNetCore.Http;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.IntegrationTests.Webhooks;

/// <summary>SSRF refusals through the real sender and handler: each refused target gets no connection at all.</summary>
public sealed class SsrfGuardTests
{
    private static readonly WebhookSecret[] Secrets = [WebhookSecret.Generate()];

    [Fact]
    public async Task Loopback_ip_target_is_refused_and_never_connected_when_loopback_is_off()
    {
        using var trap = new ConnectionTrap(IPAddress.Loopback);
        using var harness = new SenderHarness(new WebhookOptions());

        var result = await harness.Sender.SendAsync(new Uri($"https://127.0.0.1:{trap.Port}/hook"), SenderHarness.Message(), Secrets);

        Assert.Equal(WebhookAttemptOutcome.Refused, result.Outcome);
        Assert.Contains("loopback", result.Error, StringComparison.Ordinal);
        Assert.Null(result.StatusCode);
        Assert.Equal(0, trap.Accepted);
        Assert.Equal(0, harness.Guard.ConnectAttempts);
    }

    [Fact]
    public async Task IPv6_loopback_target_is_refused_and_never_connected()
    {
        using var trap = new ConnectionTrap(IPAddress.IPv6Loopback);
        using var harness = new SenderHarness(new WebhookOptions());

        var result = await harness.Sender.SendAsync(new Uri($"https://[::1]:{trap.Port}/hook"), SenderHarness.Message(), Secrets);

        Assert.Equal(WebhookAttemptOutcome.Refused, result.Outcome);
        Assert.Equal(0, trap.Accepted);
        Assert.Equal(0, harness.Guard.ConnectAttempts);
    }

    [Theory]
    [InlineData("https://10.1.2.3/hook", "10.0.0.0/8")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "169.254.0.0/16")]
    [InlineData("https://[::ffff:10.0.0.1]/hook", "10.0.0.0/8")]
    [InlineData("https://[fd00::5]/hook", "fc00::/7")]
    [InlineData("https://100.64.1.1/hook", "100.64.0.0/10")]
    [InlineData("http://example.com/hook", "https")]
    [InlineData("https://user:secret@example.com/hook", "userinfo")]
    public async Task Private_or_unsafe_target_is_refused_without_a_connection(string url, string rule)
    {
        using var harness = new SenderHarness(new WebhookOptions());

        var result = await harness.Sender.SendAsync(new Uri(url), SenderHarness.Message(), Secrets);

        Assert.Equal(WebhookAttemptOutcome.Refused, result.Outcome);
        Assert.Contains(rule, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret@", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, harness.Guard.ConnectAttempts);
    }

    [Fact]
    public async Task Name_resolving_to_a_private_address_is_refused_at_connect_time()
    {
        using var harness = new SenderHarness(new WebhookOptions(), new Dictionary<string, IPAddress[]>
        {
            ["internal.example.test"] = [IPAddress.Parse("10.0.0.5")],
        });

        var result = await harness.Sender.SendAsync(new Uri("https://internal.example.test/hook"), SenderHarness.Message(), Secrets);

        Assert.Equal(WebhookAttemptOutcome.Refused, result.Outcome);
        Assert.Contains("10.0.0.5", result.Error, StringComparison.Ordinal);
        Assert.Equal(["internal.example.test"], harness.Resolver!.Lookups);
        Assert.Equal(0, harness.Guard.ConnectAttempts);
    }

    [Fact]
    public async Task Name_rebinding_to_loopback_is_refused_and_the_listener_gets_nothing()
    {
        using var trap = new ConnectionTrap(IPAddress.Loopback);
        using var harness = new SenderHarness(new WebhookOptions(), new Dictionary<string, IPAddress[]>
        {
            ["rebind.example.test"] = [IPAddress.Loopback],
        });

        var result = await harness.Sender.SendAsync(new Uri($"https://rebind.example.test:{trap.Port}/hook"), SenderHarness.Message(), Secrets);

        Assert.Equal(WebhookAttemptOutcome.Refused, result.Outcome);
        Assert.Equal(0, trap.Accepted);
        Assert.Equal(0, harness.Guard.ConnectAttempts);
    }

    [Fact]
    public async Task Name_with_one_public_and_one_private_address_is_refused_entirely()
    {
        using var trap = new ConnectionTrap(IPAddress.Loopback);
        using var harness = new SenderHarness(new WebhookOptions(), new Dictionary<string, IPAddress[]>
        {
            ["mixed.example.test"] = [IPAddress.Parse("93.184.215.14"), IPAddress.Parse("::ffff:127.0.0.1")],
        });

        var result = await harness.Sender.SendAsync(new Uri($"https://mixed.example.test:{trap.Port}/"), SenderHarness.Message(), Secrets);

        Assert.Equal(WebhookAttemptOutcome.Refused, result.Outcome);
        Assert.Equal(0, trap.Accepted);
        Assert.Equal(0, harness.Guard.ConnectAttempts);
    }

    [Fact]
    public async Task Localhost_name_is_refused_when_loopback_is_off()
    {
        using var trap = new ConnectionTrap(IPAddress.Loopback);
        using var harness = new SenderHarness(new WebhookOptions());

        var result = await harness.Sender.SendAsync(new Uri($"https://localhost:{trap.Port}/"), SenderHarness.Message(), Secrets);

        Assert.Equal(WebhookAttemptOutcome.Refused, result.Outcome);
        Assert.Equal(0, trap.Accepted);
    }

    [Fact]
    public async Task Guarded_handler_refuses_loopback_even_when_the_static_check_is_bypassed()
    {
        using var trap = new ConnectionTrap(IPAddress.Loopback);
        using var harness = new SenderHarness(new WebhookOptions());
        using var client = new HttpClient(harness.Guard.CreateHandler());

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://127.0.0.1:{trap.Port}/")));

        var refused = Assert.IsType<WebhookTargetRefusedException>(ex.InnerException);
        Assert.Contains("loopback", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(0, trap.Accepted);
        Assert.Equal(0, harness.Guard.ConnectAttempts);
    }

    [Fact]
    public async Task Loopback_target_is_delivered_when_the_development_option_is_on()
    {
        await using var receiver = await LoopbackReceiver.StartAsync((context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        using var harness = new SenderHarness(new WebhookOptions { AllowLoopbackTargets = true });

        var result = await harness.Sender.SendAsync(receiver.Url("/hook"), SenderHarness.Message(), Secrets);

        Assert.Equal(WebhookAttemptOutcome.Succeeded, result.Outcome);
        Assert.Single(receiver.Requests);
        Assert.Equal(1, harness.Guard.ConnectAttempts);
    }

    [Fact]
    public async Task Development_option_still_refuses_a_name_resolving_to_a_private_address()
    {
        using var harness = new SenderHarness(new WebhookOptions { AllowLoopbackTargets = true }, new Dictionary<string, IPAddress[]>
        {
            ["internal.example.test"] = [IPAddress.Parse("192.168.10.20")],
        });

        var result = await harness.Sender.SendAsync(new Uri("https://internal.example.test/"), SenderHarness.Message(), Secrets);

        Assert.Equal(WebhookAttemptOutcome.Refused, result.Outcome);
        Assert.Equal(0, harness.Guard.ConnectAttempts);
    }

    [Theory]
    [InlineData("LOCALHOST.")]
    [InlineData("localhost.")]
    [InlineData("Api.LocalHost.")]
    [InlineData("127.0.0.1.")]
    public async Task Trailing_dot_loopback_host_is_refused_at_delivery_without_a_connection(string host)
    {
        using var trap = new ConnectionTrap(IPAddress.Loopback);
        using var harness = new SenderHarness(new WebhookOptions());

        var result = await harness.Sender.SendAsync(new Uri($"https://{host}:{trap.Port}/hook"), SenderHarness.Message(), Secrets);

        Assert.Equal(WebhookAttemptOutcome.Refused, result.Outcome);
        Assert.Contains("loopback", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, trap.Accepted);
        Assert.Equal(0, harness.Guard.ConnectAttempts);
    }

    [Fact]
    public async Task Guarded_handler_refuses_a_trailing_dot_loopback_literal_even_when_the_static_check_is_bypassed()
    {
        using var trap = new ConnectionTrap(IPAddress.Loopback);
        using var harness = new SenderHarness(new WebhookOptions());
        using var client = new HttpClient(harness.Guard.CreateHandler());

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://127.0.0.1.:{trap.Port}/")));

        var refused = Assert.IsType<WebhookTargetRefusedException>(ex.InnerException);
        Assert.Contains("loopback", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(0, trap.Accepted);
        Assert.Equal(0, harness.Guard.ConnectAttempts);
    }

    [Fact]
    public async Task Stored_url_with_a_control_character_is_refused_at_delivery()
    {
        using var harness = new SenderHarness(new WebhookOptions());

        var result = await harness.Sender.SendAsync(new Uri("https://hooks.example.com/a\u0000b"), SenderHarness.Message(), Secrets);

        Assert.Equal(WebhookAttemptOutcome.Refused, result.Outcome);
        Assert.Contains("control character", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, harness.Guard.ConnectAttempts);
    }
}
